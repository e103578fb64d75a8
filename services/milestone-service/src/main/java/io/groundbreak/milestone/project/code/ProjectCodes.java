package io.groundbreak.milestone.project.code;

import io.groundbreak.events.ProjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city-wide register of project codes. A code is claimed inside the transaction that appends the
 * ProjectRegistered event, so both commit or neither does; the primary key makes a concurrent
 * claim of the same code wait for the first and then find it taken.
 */
@Component
public class ProjectCodes {

    private final JdbcClient jdbc;

    ProjectCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateProjectCode when another project (or this one, registered before) holds the code */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String code, ProjectId projectId) {
        int inserted = jdbc.sql("INSERT INTO project_code (code, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(code, projectId.toString())
                .update();
        if (inserted == 0) {
            throw new DuplicateProjectCode(code);
        }
    }

    /** A pair of projects can only be decided on between registered projects: another id is 404. */
    public void requireRegistered(ProjectId projectId) {
        boolean registered = jdbc.sql("SELECT EXISTS (SELECT 1 FROM project_code WHERE project_id = ?)")
                .param(projectId.toString()).query(Boolean.class).single();
        if (!registered) {
            throw new UnregisteredProject(projectId);
        }
    }
}
