package io.groundbreak.web.excel.importing;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.web.gateway.Backend;
import io.groundbreak.web.gateway.BackendUnavailable;
import io.groundbreak.web.gateway.ServiceClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district's projects by code, as funnel-service lists them to the importing user: rows name
 * projects by code, the API by id. A project registered so recently that funnel-service has not seen it
 * yet is found by its code-derived id instead (see {@link ProjectIds}).
 */
@Component
class ProjectCodes {

    private static final int PAGE_SIZE = 200;

    private final ServiceClient services;
    private final JsonMapper json;

    ProjectCodes(ServiceClient services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    Map<String, String> of(CurrentUser user, String district) {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = read(user, "/api/projects?district=" + URLEncoder.encode(district, StandardCharsets.UTF_8)
                    + "&size=" + PAGE_SIZE + "&sort=code&page=" + page);
            for (JsonNode item : answer.path("items")) {
                ids.put(item.path("code").asString(), item.path("projectId").asString());
            }
            if (page + 1 >= answer.path("totalPages").asLong(0)) {
                return ids;
            }
        }
    }

    private JsonNode read(CurrentUser user, String pathAndQuery) {
        try {
            HttpResponse<InputStream> response = services.send(Backend.FUNNEL, user, "GET", pathAndQuery,
                    Map.of("Accept", "application/json"), null);
            try (InputStream body = response.body()) {
                byte[] bytes = body.readAllBytes();
                if (response.statusCode() != 200) {
                    throw new ServicesUnavailable("funnel-service answered " + response.statusCode() + " to "
                            + pathAndQuery + ": " + new String(bytes, StandardCharsets.UTF_8), null);
                }
                return json.readTree(bytes);
            }
        } catch (BackendUnavailable | IOException | JacksonException e) {
            throw new ServicesUnavailable("funnel-service could not list the district's projects: " + e, e);
        }
    }
}
