package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.gateway.Backend;
import io.groundbreak.web.gateway.BackendUnavailable;
import io.groundbreak.web.gateway.ServiceClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one row's write to milestone-service as the importing user, with the row's Idempotency-Key, and
 * turns the answer into the row's outcome. A service that does not answer, or a write that lost a race,
 * is tried again with the same key, which is safe: milestone-service records a key's write at most once.
 */
@Component
class RowPoster {

    private static final Logger LOG = LoggerFactory.getLogger(RowPoster.class);
    private static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(3));

    private final ServiceClient services;
    private final JsonMapper json;
    private final ExcelTexts texts;

    RowPoster(ServiceClient services, JsonMapper json, ExcelTexts texts) {
        this.services = services;
        this.json = json;
        this.texts = texts;
    }

    RowOutcome post(CurrentUser user, Locale locale, RowWrite write, String projectId, String idempotencyKey) {
        String path = write.action().path(projectId, write.pathStage());
        byte[] body = json.writeValueAsBytes(write.body());
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "Accept-Language", ExcelTexts.isEnglish(locale) ? "en" : "zh-CN",
                "Idempotency-Key", idempotencyKey);
        String label = write.action().label(locale);
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt == RETRY_PAUSES.size();
            WriteAnswer answer;
            try {
                answer = send(user, path, headers, body);
            } catch (BackendUnavailable e) {
                if (last) {
                    LOG.warn("row {}: milestone-service did not answer: {}", write.row(), e.getMessage());
                    return unconfirmed(write, label, projectId, null, locale);
                }
                pause(RETRY_PAUSES.get(attempt));
                continue;
            }
            if (answer.status() == 200 || answer.status() == 201) {
                JsonNode node = answer.body();
                String recordedProject = node.path("projectId").isString() ? node.path("projectId").asString() : projectId;
                return new RowOutcome(write.row(), label, write.code(),
                        answer.replayed() ? Outcome.REPLAYED : Outcome.ACCEPTED, recordedProject,
                        node.path("eventId").asString(null), node.path("sequence").isNumber() ? node.path("sequence").asLong() : null,
                        answer.status(), null, texts.text(locale, answer.replayed() ? "outcome.REPLAYED" : "outcome.ACCEPTED"),
                        List.of());
            }
            String problem = problemCode(answer.body());
            boolean retryable = answer.status() >= 500 || "concurrent-write".equals(problem);
            if (retryable && !last) {
                pause(RETRY_PAUSES.get(attempt));
                continue;
            }
            if (answer.status() >= 500) {
                LOG.warn("row {}: milestone-service answered {}: {}", write.row(), answer.status(), answer.body());
                return unconfirmed(write, label, projectId, answer.status(), locale);
            }
            return refused(write, label, projectId, answer, problem, locale);
        }
    }

    private RowOutcome refused(RowWrite write, String label, String projectId, WriteAnswer answer, String problem,
                               Locale locale) {
        String detail = answer.body().path("detail").asString("");
        List<CellProblem> errors = new ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            String field = error.path("field").asString(null);
            ImportColumn column = ImportColumn.ofField(field);
            errors.add(new CellProblem(column == null ? null : column.header(locale), null, field,
                    error.path("message").asString("")));
        }
        String message;
        if ("unknown-project".equals(problem) && write.action() != ImportAction.REGISTER) {
            message = texts.text(locale, "project.unknown-code", write.code());
        } else if ("project-exists".equals(problem)) {
            message = texts.text(locale, "project.exists", write.code());
        } else {
            message = message(detail, errors, locale);
        }
        return new RowOutcome(write.row(), label, write.code(), Outcome.REFUSED, projectId, null, null,
                answer.status(), problem, message, errors);
    }

    /**
     * The detail, and each field's own message with its column: a refusal about one field whose message is
     * the detail itself reads "「日期」生效日期 … 不能晚于今天", several read "部分字段无效。「…」…；「…」…".
     */
    private String message(String detail, List<CellProblem> errors, Locale locale) {
        if (errors.size() == 1 && errors.get(0).message().equals(detail)) {
            return texts.text(locale, "column.says", column(errors.get(0)), detail);
        }
        List<String> parts = new ArrayList<>();
        for (CellProblem error : errors) {
            parts.add(texts.text(locale, "column.says", column(error), error.message()));
        }
        return parts.isEmpty() ? detail : detail + " " + String.join(texts.text(locale, "column.separator"), parts);
    }

    private static String column(CellProblem error) {
        return error.column() == null ? error.field() : error.column();
    }

    private RowOutcome unconfirmed(RowWrite write, String label, String projectId, Integer status, Locale locale) {
        return new RowOutcome(write.row(), label, write.code(), Outcome.UNCONFIRMED, projectId, null, null, status,
                null, texts.text(locale, "row.unconfirmed"), List.of());
    }

    private WriteAnswer send(CurrentUser user, String path, Map<String, String> headers, byte[] body) {
        HttpResponse<InputStream> response = services.send(Backend.MILESTONES, user, "POST", path, headers, body);
        byte[] bytes;
        try (InputStream content = response.body()) {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (JacksonException e) {
            node = json.createObjectNode();
        }
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                .orElse(false);
        return new WriteAnswer(response.statusCode(), node, replayed);
    }

    private static String problemCode(JsonNode problem) {
        String type = problem.path("type").asString("");
        return type.startsWith(Problems.TYPE_PREFIX) ? type.substring(Problems.TYPE_PREFIX.length()) : null;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
