package io.groundbreak.web.briefing;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything one briefing shows, as the services answered the user: the targets against actual for the year to the
 * month's end ({@code GET /api/supervision/targets}), the light counts and every red project
 * ({@code GET /api/supervision/lights}), the projects that reached each stage in the month ({@code GET /api/projects
 * ?reached=STAGE:YYYY-MM}, stage code to items in the reference order), and the monthly close: for a district its month
 * ({@code GET /api/periods/{m}?district=}), otherwise the city's close board ({@code closes}) and the month of every
 * district that closed it ({@code months}).
 */
record Briefing(BriefingScope scope, JsonNode targets, JsonNode lights, List<JsonNode> red,
                Map<String, List<JsonNode>> moved, JsonNode closes, List<JsonNode> months) {

    /** The answers that carry {@code freshness}, for the least fresh of them. */
    List<JsonNode> answers() {
        List<JsonNode> answers = new java.util.ArrayList<>(List.of(targets, lights));
        answers.addAll(months);
        return answers;
    }
}
