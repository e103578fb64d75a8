package io.groundbreak.milestone.heads;

import io.groundbreak.kit.web.HeadsWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/heads} (AUDITOR, ADMIN): each project's last event in the event store, the
 * source that audit-service's completeness check compares the ledger and the funnel with.
 * {@code {"source":"milestone-service","projects":[{"projectId","sequence","hash"}, ...]}}, ordered by
 * projectId, written as the rows come from the database. Nothing is written before the first row is
 * read, so a database outage is still answered 503 (problem+json) rather than a cut-off 200.
 */
@RestController
class HeadsController {

    static final String SOURCE = "milestone-service";

    private final ProjectHeads heads;
    private final JsonMapper json;

    HeadsController(ProjectHeads heads, JsonMapper json) {
        this.heads = heads;
        this.json = json;
    }

    @GetMapping("/api/admin/heads")
    void heads(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        HeadsWriter writer = new HeadsWriter(response, json, SOURCE);
        heads.forEach(head -> writer.head(head.projectId(), head.sequence(), head.hash()));
        writer.end();
    }
}
