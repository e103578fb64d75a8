package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.HeadsReader;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/heads} (AUDITOR, ADMIN): every project's last applied event in the active read model,
 * written to the response as the rows come (issue 16's completeness check compares them with the event store).
 */
@RestController
class HeadsController {

    static final String SOURCE = "funnel-service";

    private final HeadsReader heads;
    private final JsonMapper json;

    HeadsController(HeadsReader heads, JsonMapper json) {
        this.heads = heads;
        this.json = json;
    }

    /**
     * Nothing is written before the first row is read, so a database that does not answer still gets its 503
     * problem (see ProblemAnswers) rather than half an answer.
     */
    @GetMapping("/api/admin/heads")
    void heads(HttpServletResponse response) throws IOException {
        Writer writer = new Writer(response);
        heads.forEach(head -> {
            JsonGenerator out = writer.started();
            out.writeStartObject();
            out.writeStringProperty("projectId", head.projectId().toString());
            out.writeNumberProperty("sequence", head.sequence());
            out.writeStringProperty("hash", head.hash());
            out.writeEndObject();
        });
        JsonGenerator out = writer.started();
        out.writeEndArray();
        out.writeEndObject();
        out.close();
    }

    /** Starts the answer on first use. */
    private final class Writer {
        private final HttpServletResponse response;
        private JsonGenerator out;

        Writer(HttpServletResponse response) {
            this.response = response;
        }

        JsonGenerator started() {
            if (out == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                try {
                    out = json.createGenerator(response.getOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.writeStartObject();
                out.writeStringProperty("source", SOURCE);
                out.writeArrayPropertyStart("projects");
            }
            return out;
        }
    }
}
