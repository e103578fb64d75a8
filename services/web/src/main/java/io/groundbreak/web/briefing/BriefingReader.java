package io.groundbreak.web.briefing;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.export.ServiceReads;
import io.groundbreak.web.gateway.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a briefing's figures from the services as the user, with the very queries the dashboard makes (each service's
 * role and district rules hold; a refusal comes back as that service's problem, a service away as 503).
 */
@Component
class BriefingReader {

    private static final String LIGHTS_PAGE = "1000";

    private final ServiceReads reads;
    private final ReferenceData reference;

    BriefingReader(ServiceReads reads, ReferenceData reference) {
        this.reads = reads;
        this.reference = reference;
    }

    Briefing read(CurrentUser user, BriefingScope scope, Locale locale) {
        String asOf = scope.asOf().toString();
        String month = scope.month().toString();
        JsonNode targets = reads.read(user, Backend.FUNNEL, "/api/supervision/targets", query("year",
                String.valueOf(scope.month().getYear()), "asOf", asOf, "district", scope.district(), "chain", scope.chain()),
                locale);
        // the counts are over the whole filter; light=red narrows the list only
        List<JsonNode> red = new ArrayList<>();
        JsonNode lights = null;
        for (int page = 0; lights == null || page < lights.path("totalPages").asLong(0); page++) {
            JsonNode answer = reads.read(user, Backend.FUNNEL, "/api/supervision/lights", query("asOf", asOf,
                    "district", scope.district(), "chain", scope.chain(), "light", "red", "page", String.valueOf(page),
                    "size", LIGHTS_PAGE), locale);
            lights = lights == null ? answer : lights;
            answer.path("items").forEach(red::add);
        }
        Map<String, List<JsonNode>> moved = new LinkedHashMap<>();
        reference.stages().forEach(stage -> moved.put(stage.code(), reads.allProjects(user, query("asOf", asOf,
                "district", scope.district(), "chain", scope.chain(), "reached", stage.code() + ":" + month,
                "sort", "code"), locale)));
        JsonNode closes = null;
        List<JsonNode> months = new ArrayList<>();
        if (scope.district() != null) {
            months.add(reads.read(user, Backend.AUDIT, "/api/periods/" + month, query("district", scope.district()), locale));
        } else {
            // the city's close board, and the restatements of every district that closed the month
            closes = reads.read(user, Backend.AUDIT, "/api/periods/" + month + "/closes", Map.of(), locale);
            for (JsonNode district : closes.path("districts")) {
                if (!"not-closed".equals(district.path("status").asString())) {
                    months.add(reads.read(user, Backend.AUDIT, "/api/periods/" + month,
                            query("district", district.path("district").asString()), locale));
                }
            }
        }
        return new Briefing(scope, targets, lights, red, moved, closes, months);
    }

    private static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
