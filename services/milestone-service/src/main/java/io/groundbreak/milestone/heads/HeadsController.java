package io.groundbreak.milestone.heads;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
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
    void heads(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Writer writer = new Writer(response);
        heads.forEach(writer::head);
        writer.end();
    }

    /** Starts the document on the first head, so that a failure before it leaves the response untouched. */
    private final class Writer {
        private final HttpServletResponse response;
        private JsonGenerator generator;

        Writer(HttpServletResponse response) {
            this.response = response;
        }

        void head(ProjectHead head) {
            JsonGenerator out = started();
            out.writeStartObject();
            out.writeStringProperty("projectId", head.projectId());
            out.writeNumberProperty("sequence", head.sequence());
            out.writeStringProperty("hash", head.hash());
            out.writeEndObject();
        }

        void end() {
            JsonGenerator out = started();
            out.writeEndArray();
            out.writeEndObject();
            out.close();
        }

        private JsonGenerator started() {
            if (generator == null) {
                try {
                    OutputStream body = response.getOutputStream();
                    generator = json.createGenerator(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                generator.writeStartObject();
                generator.writeStringProperty("source", SOURCE);
                generator.writeName("projects");
                generator.writeStartArray();
            }
            return generator;
        }
    }
}
