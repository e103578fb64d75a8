package io.groundbreak.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code GET /api/admin/heads}, the same in every service that audit-service's completeness check asks:
 * {@code {"source":..., "projects":[{"projectId","sequence","hash"}, ...]}}, written as the rows come. Nothing is
 * written before the first head, so a database that fails before it still gets its 503 problem rather than a cut-off
 * 200.
 */
public final class HeadsWriter {

    private final HttpServletResponse response;
    private final JsonMapper json;
    private final String source;
    private JsonGenerator out;

    public HeadsWriter(HttpServletResponse response, JsonMapper json, String source) {
        this.response = response;
        this.json = json;
        this.source = source;
    }

    public void head(String projectId, long sequence, String hash) {
        JsonGenerator generator = started();
        generator.writeStartObject();
        generator.writeStringProperty("projectId", projectId);
        generator.writeNumberProperty("sequence", sequence);
        generator.writeStringProperty("hash", hash);
        generator.writeEndObject();
    }

    /** Closes the list, after the last head (the whole answer when there was none). */
    public void end() {
        JsonGenerator generator = started();
        generator.writeEndArray();
        generator.writeEndObject();
        generator.close();
    }

    private JsonGenerator started() {
        if (out == null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            try {
                out = json.createGenerator(response.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.writeStartObject();
            out.writeStringProperty("source", source);
            out.writeArrayPropertyStart("projects");
        }
        return out;
    }
}
