package io.groundbreak.funnel.funnel.web;

import io.groundbreak.funnel.funnel.query.HeadsReader;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
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

    @GetMapping("/api/admin/heads")
    void heads(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream body = response.getOutputStream();
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("source", SOURCE);
            out.writeArrayPropertyStart("projects");
            heads.forEach(head -> {
                out.writeStartObject();
                out.writeStringProperty("projectId", head.projectId().toString());
                out.writeNumberProperty("sequence", head.sequence());
                out.writeStringProperty("hash", head.hash());
                out.writeEndObject();
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
