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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends rows' writes to milestone-service as the importing user in one batch ({@code POST /api/batch}), each
 * with its row's Idempotency-Key, and turns each action's answer into its row's outcome. A service that does
 * not answer, an action that lost a race or met an outage (and the later actions of its project, which the
 * service then leaves unattempted) are sent again with the same keys, which is safe: milestone-service
 * records a key's write at most once.
 */
@Component
class RowPoster {

    private static final Logger LOG = LoggerFactory.getLogger(RowPoster.class);
    private static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(3));
    private static final String BATCH = "/api/batch";

    private final ServiceClient services;
    private final JsonMapper json;
    private final ExcelTexts texts;

    RowPoster(ServiceClient services, JsonMapper json, ExcelTexts texts) {
        this.services = services;
        this.json = json;
        this.texts = texts;
    }

    /** Each row's outcome, in the order given; a project's rows are applied in that order. */
    List<RowOutcome> post(CurrentUser user, Locale locale, List<RowToSend> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "Accept-Language", ExcelTexts.isEnglish(locale) ? "en" : "zh-CN");
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            boolean last = attempt == RETRY_PAUSES.size();
            List<WriteAnswer> answers;
            try {
                answers = send(user, headers, pending.stream().map(rows::get).toList());
            } catch (BackendUnavailable e) {
                LOG.warn("{} rows: milestone-service did not answer: {}", pending.size(), e.getMessage());
                answers = null;
            }
            List<Integer> again = new ArrayList<>();
            for (int p = 0; p < pending.size(); p++) {
                int i = pending.get(p);
                RowToSend row = rows.get(i);
                WriteAnswer answer = answers == null ? null : answers.get(p);
                if (!last && retryable(answer)) {
                    again.add(i);
                } else {
                    outcomes[i] = outcome(row, answer, locale);
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                pause(RETRY_PAUSES.get(attempt));
            }
        }
        return List.of(outcomes);
    }

    /** No answer, an outage, a lost race, or not attempted because of one of those: worth sending again. */
    private static boolean retryable(WriteAnswer answer) {
        if (answer == null || answer.status() >= 500) {
            return true;
        }
        String problem = problemCode(answer.body());
        return "concurrent-write".equals(problem) || "earlier-action-failed".equals(problem);
    }

    private RowOutcome outcome(RowToSend row, WriteAnswer answer, Locale locale) {
        RowWrite write = row.write();
        String label = write.action().label(locale);
        String projectId = row.projectId();
        if (answer == null) {
            return unconfirmed(write, label, projectId, null, "row.unconfirmed", locale);
        }
        if (answer.status() == 200 || answer.status() == 201 || answer.status() == 202) {
            JsonNode node = answer.body();
            String recordedProject = node.path("projectId").isString() ? node.path("projectId").asString() : projectId;
            Outcome outcome = answer.replayed() ? Outcome.REPLAYED
                    : answer.status() == 202 ? Outcome.SUBMITTED : Outcome.ACCEPTED;
            return new RowOutcome(write.row(), label, write.code(), outcome, recordedProject,
                    node.path("eventId").asString(null), node.path("sequence").isNumber() ? node.path("sequence").asLong() : null,
                    answer.status(), null, texts.text(locale, "outcome." + outcome), List.of());
        }
        String problem = problemCode(answer.body());
        if ("earlier-action-failed".equals(problem)) {
            return unconfirmed(write, label, projectId, null, "row.dependency", locale);
        }
        if (answer.status() >= 500) {
            LOG.warn("row {}: milestone-service answered {}: {}", write.row(), answer.status(), answer.body());
            return unconfirmed(write, label, projectId, answer.status(), "row.unconfirmed", locale);
        }
        return refused(write, label, projectId, answer, problem, locale);
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

    private RowOutcome unconfirmed(RowWrite write, String label, String projectId, Integer status, String message,
                                   Locale locale) {
        return new RowOutcome(write.row(), label, write.code(), Outcome.UNCONFIRMED, projectId, null, null, status,
                null, texts.text(locale, message), List.of());
    }

    /**
     * The rows as one batch; each action's answer as the single endpoint would give it. An answer to the batch
     * as a whole that is no 200 (a 4xx: the same for every row; a 5xx: none) stands for each row's.
     */
    private List<WriteAnswer> send(CurrentUser user, Map<String, String> headers, List<RowToSend> rows) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode actions = batch.putArray("actions");
        for (RowToSend row : rows) {
            ObjectNode action = actions.addObject();
            action.put("method", "POST");
            action.put("path", row.write().action().path(row.projectId(), row.write().pathStage()));
            action.put("idempotencyKey", row.idempotencyKey());
            action.set("body", json.valueToTree(row.write().body()));
        }
        HttpResponse<InputStream> response = services.send(Backend.MILESTONES, user, "POST", BATCH, headers,
                json.writeValueAsBytes(batch));
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
        if (response.statusCode() >= 500) {
            LOG.warn("{} rows: milestone-service answered the batch {}: {}", rows.size(), response.statusCode(), node);
            return null;
        }
        JsonNode results = node.path("results");
        List<WriteAnswer> answers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode result = results.path(i);
            answers.add(response.statusCode() != 200 ? new WriteAnswer(response.statusCode(), node, false)
                    : new WriteAnswer(result.path("status").asInt(), result.has("problem") ? result.path("problem")
                            : result.path("body"), result.path("replayed").asBoolean(false)));
        }
        return answers;
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
