package io.groundbreak.funnel.query;

import io.groundbreak.funnel.readmodel.ReadModels;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The change requests (table change_request) with their projects' code, name and district. */
@Component
public class RequestReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    RequestReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** The requests of a status, of the district's projects (any when empty), newest first. */
    @Transactional(readOnly = true)
    public List<ChangeRequest> requests(RequestStatus status, Optional<String> district) {
        readModels.useActive();
        return ProjectScope.bind(jdbc.sql("""
                        SELECT r.*, p.code, p.name, p.district FROM change_request r
                        JOIN project p ON p.project_id = r.project_id
                        WHERE r.status = :status %s
                        ORDER BY r.requested_at DESC, r.request_id""".formatted(
                                ProjectScope.listed(district, Optional.empty())))
                        .param("status", status.name().toLowerCase(Locale.ROOT)), district, Optional.empty())
                .query((row, number) -> new ChangeRequest(row.getObject("request_id", UUID.class),
                        row.getObject("project_id", UUID.class), row.getString("code"), row.getString("name"),
                        row.getString("district"), row.getString("action"), row.getString("change"),
                        row.getString("requested_by"), row.getTimestamp("requested_at").toInstant(),
                        RequestStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getString("closed_by"),
                        instant(row.getTimestamp("closed_at")), row.getString("close_reason")))
                .list();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
