package io.groundbreak.web.excel.export;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.web.gateway.Backend;
import io.groundbreak.web.gateway.ServiceClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the services as the exporting user, exactly as the pages do through {@code /api}: every rule of
 * role and district is the service's, and a refusal comes back as the service's own problem. The monthly briefing
 * ({@code io.groundbreak.web.briefing}) reads through it too.
 */
@Component
public class ServiceReads {

    private static final int PAGE_SIZE = 200;

    private final ServiceClient services;
    private final JsonMapper json;

    ServiceReads(ServiceClient services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    public JsonNode read(CurrentUser user, Backend backend, String path, Map<String, String> query, Locale locale) {
        HttpResponse<InputStream> response = services.send(backend, user, "GET", path + queryString(query),
                Map.of("Accept", "application/json", "Accept-Language", "en".equals(locale.getLanguage()) ? "en" : "zh-CN"),
                null);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceRefused(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/problem+json"), body);
        }
        return json.readTree(body);
    }

    /** Every page of a project list of funnel-service, in its order. */
    public List<JsonNode> allProjects(CurrentUser user, Map<String, String> query, Locale locale) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, String> paged = new LinkedHashMap<>(query);
            paged.put("page", String.valueOf(page));
            paged.put("size", String.valueOf(PAGE_SIZE));
            JsonNode answer = read(user, Backend.FUNNEL, "/api/projects", paged, locale);
            answer.path("items").forEach(items::add);
            if (page + 1 >= answer.path("totalPages").asLong(0)) {
                return items;
            }
        }
    }

    String write(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                text.append(text.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }
}
