package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.HeadsReader;
import io.groundbreak.kit.web.HeadsWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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
    void heads(HttpServletResponse response) {
        HeadsWriter writer = new HeadsWriter(response, json, SOURCE);
        heads.forEach(head -> writer.head(head.projectId().toString(), head.sequence(), head.hash()));
        writer.end();
    }
}
