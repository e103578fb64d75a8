package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/batch}: many writes in one request, each judged exactly as its single endpoint judges
 * it — the security chain's roles for its path, the body converted and validated as Spring MVC does, then
 * {@link ProjectController}'s own method (reference data, key checks, the aggregate's rules, the
 * Idempotency-Key in the write's transaction) — and answered one by one with that endpoint's status and body or
 * problem. Each action is its own transaction, so one's refusal undoes nothing of another's. One project's actions
 * (its writes and the decisions on its change requests) run in their order; different projects' actions side by
 * side on a small pool ({@code groundbreak.batch.parallelism}). A batch of bad shape (not JSON, no actions, an action
 * that names no endpoint) is refused as a whole before anything runs.
 */
@RestController
@RequestMapping(path = "/api/batch", produces = MediaType.APPLICATION_JSON_VALUE)
class BatchController implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BatchController.class);

    private final ProjectController projects;
    private final WebInvocationPrivilegeEvaluator privileges;
    private final ProblemAnswers problems;
    private final MessageSource messages;
    private final JsonMapper json;
    private final SpringValidatorAdapter validator;
    private final int maxActions;
    private final int rowsPerTransaction;
    private final int parallelism;
    private final TransactionTemplate transactions;
    private final ExecutorService workers;
    private final List<Route<?>> routes;

    BatchController(ProjectController projects, WebInvocationPrivilegeEvaluator privileges, ProblemAnswers problems,
                    MessageSource messages, JsonMapper json, Validator validator,
                    PlatformTransactionManager transactionManager,
                    @Value("${groundbreak.batch.max-actions:1000}") int maxActions,
                    @Value("${groundbreak.batch.parallelism:4}") int parallelism,
                    @Value("${groundbreak.batch.rows-per-transaction:50}") int rowsPerTransaction) {
        this.projects = projects;
        this.privileges = privileges;
        this.problems = problems;
        this.messages = messages;
        this.json = json;
        this.validator = new SpringValidatorAdapter(validator);
        this.maxActions = maxActions;
        this.rowsPerTransaction = rowsPerTransaction;
        this.parallelism = parallelism;
        this.transactions = new TransactionTemplate(transactionManager);
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "batch-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.routes = List.of(
                route("/api/projects", RegisterProjectRequest.class,
                        (vars, body, key, user, http) -> projects.register(body, key, user, http)),
                route("/api/projects/{projectId}/milestones", RecordMilestoneRequest.class,
                        (vars, body, key, user, http) -> projects.recordMilestone(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/milestones/{stage}/correction", CorrectMilestoneRequest.class,
                        (vars, body, key, user, http) -> projects.correctMilestone(vars.get("projectId"),
                                vars.get("stage"), body, key, user, http)),
                route("/api/projects/{projectId}/milestones/{stage}/retraction", RetractMilestoneRequest.class,
                        (vars, body, key, user, http) -> projects.retractMilestone(vars.get("projectId"),
                                vars.get("stage"), body, key, user, http)),
                route("/api/projects/{projectId}/suspension", StatusChangeRequest.class,
                        (vars, body, key, user, http) -> projects.suspend(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/resumption", StatusChangeRequest.class,
                        (vars, body, key, user, http) -> projects.resume(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/termination", StatusChangeRequest.class,
                        (vars, body, key, user, http) -> projects.terminate(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/investment-reports", InvestmentReportRequest.class,
                        (vars, body, key, user, http) -> projects.reportInvestment(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/amendment", AmendmentRequest.class,
                        (vars, body, key, user, http) -> projects.amend(vars.get("projectId"), body, key, user, http)),
                route("/api/projects/{projectId}/requests/{requestId}/approval", ApprovalRequest.class,
                        (vars, body, key, user, http) -> projects.approve(vars.get("projectId"), vars.get("requestId"),
                                body, key, user, http)),
                route("/api/projects/{projectId}/requests/{requestId}/rejection", RejectionRequest.class,
                        (vars, body, key, user, http) -> projects.reject(vars.get("projectId"), vars.get("requestId"),
                                body, key, user, http)),
                route("/api/projects/{projectId}/requests/{requestId}/withdrawal", WithdrawalRequest.class,
                        (vars, body, key, user, http) -> projects.withdraw(vars.get("projectId"), vars.get("requestId"),
                                body, key, user, http)));
    }

    @PostMapping
    BatchAnswer run(@Valid @RequestBody BatchRequest batch, Authentication user, HttpServletRequest http,
                    Locale locale) {
        List<BatchAction> actions = batch.actions();
        if (actions.size() > maxActions) {
            throw new TooManyActions(actions.size(), maxActions);
        }
        // the whole batch's shape first: an action that names no endpoint refuses the batch before anything runs
        List<Planned> planned = new ArrayList<>();
        List<InvalidFields.Problem> shape = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            BatchAction action = actions.get(i);
            Matched matched = match(action.path());
            if (matched == null) {
                shape.add(new InvalidFields.Problem("actions[" + i + "].path", "batch-path"));
            } else if (!action.body().isObject()) {
                shape.add(new InvalidFields.Problem("actions[" + i + "].body", "batch-body"));
            } else {
                planned.add(plan(action, matched, user, http, locale));
            }
        }
        if (!shape.isEmpty()) {
            throw new InvalidFields(shape);
        }
        BatchResult[] results = new BatchResult[actions.size()];
        boolean stopOnFailure = Boolean.TRUE.equals(batch.stopProjectOnFailure());
        CompletableFuture.allOf(lanes(byProject(planned)).stream()
                .map(lane -> CompletableFuture.runAsync(() -> runLane(lane, planned, results, stopOnFailure,
                        user, http, locale), workers))
                .toArray(CompletableFuture[]::new)).join();
        return new BatchAnswer(Arrays.asList(results));
    }

    /**
     * A lane's actions (whole projects, each in its order) one after another; after a project's failure that
     * may pass (5xx, a lost race) none of that project's later actions. Up to {@code rows-per-transaction}
     * consecutive actions are first tried in one transaction; unless every one of them is recorded (or replayed),
     * that transaction is rolled back whole and each is judged again in its own, so that one action's refusal
     * never undoes another's.
     */
    private void runLane(List<int[]> lane, List<Planned> planned, BatchResult[] results, boolean stopOnFailure,
                         Authentication user, HttpServletRequest http, Locale locale) {
        Set<Integer> stopped = new HashSet<>();
        for (int from = 0; from < lane.size(); from += rowsPerTransaction) {
            List<int[]> part = lane.subList(from, Math.min(from + rowsPerTransaction, lane.size()));
            List<ResponseEntity<?>> together = together(part, planned, stopped, user, http);
            for (int k = 0; k < part.size(); k++) {
                int index = part.get(k)[0];
                int project = part.get(k)[1];
                Planned action = planned.get(index);
                if (stopped.contains(project)) {
                    results[index] = result(ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body(Problems.of(
                            HttpStatus.FAILED_DEPENDENCY, "earlier-action-failed",
                            messages.getMessage("problem.earlier-action-failed", null, locale))), action.path());
                    continue;
                }
                ResponseEntity<?> answer = together != null ? together.get(k)
                        : action.refusal() != null ? action.refusal() : execute(action, user, http, locale);
                results[index] = result(answer, action.path());
                if (answer.getStatusCode().is5xxServerError() || CONCURRENT_WRITE.equals(problemType(answer))
                        || (stopOnFailure && !answer.getStatusCode().is2xxSuccessful())) {
                    stopped.add(project);
                }
            }
        }
    }

    /** The actions' answers when all of them were recorded (or replayed) in one transaction, else null: nothing stays. */
    private List<ResponseEntity<?>> together(List<int[]> part, List<Planned> planned, Set<Integer> stopped,
                                             Authentication user, HttpServletRequest http) {
        if (part.size() < 2 || part.stream().anyMatch(action -> stopped.contains(action[1]))) {
            return null;
        }
        try {
            return transactions.execute(status -> {
                List<ResponseEntity<?>> answers = new ArrayList<>();
                for (int[] indexed : part) {
                    Planned action = planned.get(indexed[0]);
                    ResponseEntity<?> answer = action.refusal() != null ? action.refusal()
                            : action.run(user, new ActionRequest(http, action.path()));
                    if (!answer.getStatusCode().is2xxSuccessful()) {
                        throw new NotAllRecorded();
                    }
                    answers.add(answer);
                }
                return answers;
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ResponseEntity<?> execute(Planned action, Authentication user, HttpServletRequest http, Locale locale) {
        try {
            return action.run(user, new ActionRequest(http, action.path()));
        } catch (RuntimeException e) {
            try {
                return problems.answer(e, locale);
            } catch (RuntimeException unexpected) {
                // what the single endpoint would answer 500: this action only, the others keep theirs
                LOG.error("batch action {} failed", action.path(), unexpected);
                return ResponseEntity.internalServerError().body(ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
            }
        }
    }

    /**
     * The action refused as the security chain refuses the single endpoint to the caller's role (a reviewer writes
     * nothing but decisions), else its body converted and validated as Spring MVC converts and validates the single
     * endpoint's.
     */
    private Planned plan(BatchAction action, Matched matched, Authentication caller, HttpServletRequest batch,
                         Locale locale) {
        Route<?> route = matched.route();
        if (!privileges.isAllowed(batch.getContextPath(), action.path(), HttpMethod.POST.name(), caller)) {
            return new Planned(action.path(), project(matched, action.body()), null, problems.forbidden(locale));
        }
        Object body;
        try {
            body = json.treeToValue(action.body(), route.type());
        } catch (JacksonException e) {
            return new Planned(action.path(), project(matched, action.body()), null,
                    ResponseEntity.badRequest().body(problems.malformed(e, locale)));
        }
        DataBinder binder = new DataBinder(body, route.type().getSimpleName());
        binder.setValidator(validator);
        binder.validate();
        if (binder.getBindingResult().hasErrors()) {
            return new Planned(action.path(), project(matched, action.body()), null,
                    ResponseEntity.badRequest().body(problems.invalidBody(binder.getBindingResult(), locale)));
        }
        return new Planned(action.path(), project(matched, action.body()),
                (user, http) -> route.invoke(matched.variables(), body, action.idempotencyKey(), user, http), null);
    }

    /**
     * What orders the action among the others: its project, and for a registration also the code it claims
     * (two registrations of one code are judged in their order too).
     */
    private static List<String> project(Matched matched, JsonNode body) {
        String projectId = matched.variables().get("projectId");
        if (projectId != null) {
            return List.of(projectId.toLowerCase(Locale.ROOT));
        }
        String code = "code:" + body.path("code").asString("").strip();
        return body.path("projectId").isString()
                ? List.of(body.path("projectId").asString().toLowerCase(Locale.ROOT), code) : List.of(code);
    }

    /** The actions' indexes in groups that share a project or a code, each group in the batch's order. */
    private static Collection<List<Integer>> byProject(List<Planned> planned) {
        int[] group = new int[planned.size()];
        Map<String, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            group[i] = i;
            for (String key : planned.get(i).project()) {
                Integer earlier = firstWith.putIfAbsent(key, i);
                if (earlier != null) {
                    int from = root(group, i);
                    int to = root(group, earlier);
                    group[Math.max(from, to)] = Math.min(from, to);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            groups.computeIfAbsent(root(group, i), root -> new ArrayList<>()).add(i);
        }
        return groups.values();
    }

    /**
     * The groups dealt to as many lanes as there are workers, each in the batch's order to the least loaded lane:
     * a lane is a list of (action index, group number), a group's actions together and in their order.
     */
    private List<List<int[]>> lanes(Collection<List<Integer>> groups) {
        List<List<int[]>> lanes = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, groups.size()); i++) {
            lanes.add(new ArrayList<>());
        }
        int number = 0;
        for (List<Integer> group : groups) {
            List<int[]> lane = lanes.stream().min(Comparator.comparingInt(List::size)).orElseThrow();
            for (int index : group) {
                lane.add(new int[] {index, number});
            }
            number++;
        }
        return lanes;
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) {
            i = group[i];
        }
        return i;
    }

    private Matched match(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Route<?> route : routes) {
            PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(container);
            if (match != null) {
                return new Matched(route, match.getUriVariables());
            }
        }
        return null;
    }

    private static BatchResult result(ResponseEntity<?> answer, String path) {
        int status = answer.getStatusCode().value();
        if (answer.getBody() instanceof ProblemDetail problem) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", problem.getType().toString());
            fields.put("title", problem.getTitle());
            fields.put("status", problem.getStatus());
            fields.put("detail", problem.getDetail());
            fields.put("instance", problem.getInstance() == null ? path : problem.getInstance().toString());
            if (problem.getProperties() != null) {
                fields.putAll(problem.getProperties());
            }
            return new BatchResult(status, null, null, null, fields);
        }
        URI location = answer.getHeaders().getLocation();
        return new BatchResult(status, location == null ? null : location.toString(),
                "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed")), answer.getBody(), null);
    }

    private static String problemType(ResponseEntity<?> answer) {
        return answer.getBody() instanceof ProblemDetail problem ? problem.getType().toString() : null;
    }

    private static <B> Route<B> route(String pattern, Class<B> type, Call<B> call) {
        return new Route<>(PathPatternParser.defaultInstance.parse(pattern), type, call);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    private static final String CONCURRENT_WRITE = Problems.TYPE_PREFIX + "concurrent-write";

    /** A single endpoint's method of {@link ProjectController}, given the path's variables and the converted body. */
    private interface Call<B> {
        ResponseEntity<?> call(Map<String, String> variables, B body, String key, Authentication user,
                               HttpServletRequest http);
    }

    private record Route<B>(PathPattern pattern, Class<B> type, Call<B> call) {
        ResponseEntity<?> invoke(Map<String, String> variables, Object body, String key, Authentication user,
                                 HttpServletRequest http) {
            return call.call(variables, type.cast(body), key, user, http);
        }
    }

    /** An action of a shared transaction was not recorded: the transaction is rolled back whole. */
    private static final class NotAllRecorded extends RuntimeException {
        NotAllRecorded() {
            super(null, null, false, false);
        }
    }

    private record Matched(Route<?> route, Map<String, String> variables) {
    }

    private interface Run {
        ResponseEntity<?> run(Authentication user, HttpServletRequest http);
    }

    /** An action ready to run, or already refused for its body (then {@code refusal} is its answer). */
    private record Planned(String path, List<String> project, Run write, ResponseEntity<?> refusal) {
        ResponseEntity<?> run(Authentication user, HttpServletRequest http) {
            return write.run(user, http);
        }
    }

    /** The batch's request as the action's own: its path is what the Idempotency-Key's request hash covers. */
    private static final class ActionRequest extends HttpServletRequestWrapper {

        private final String path;

        ActionRequest(HttpServletRequest batch, String path) {
            super(batch);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }
    }
}
