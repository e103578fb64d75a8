package io.groundbreak.demo.load;

import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.PendingReview;
import io.groundbreak.demo.plan.PeriodClose;
import io.groundbreak.demo.plan.YearTargets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a demo plan through the public HTTP API with the real users, in four steps, each after the one before:
 * <ol>
 * <li>the projects, to milestone-service as the district offices (local users {@code d<code>} / {@code d<code>-dev}),
 * in batches ({@code POST /api/batch}): each district's projects in batches of whole projects, each project's
 * requests in their order and stopping at its first failure ({@code stopProjectOnFailure}), several batches at
 * once. One authentication per batch, not per request;</li>
 * <li>each year's targets, to milestone-service as ADMIN ({@code POST /api/supervision/targets}, one per year);</li>
 * <li>the monthly closes, to audit-service as each district's office ({@code POST /api/periods/{m}/close}, one per
 * district and month, several at once; a month already closed, 409 {@code period-already-closed}, counts as done
 * before);</li>
 * <li>the restatements, backdated corrections recorded after their month's close, in a batch per district;</li>
 * <li>a few changes left waiting for review (answered 202, approved by no one), for the workspace's queue.</li>
 * </ol>
 * A change of the past that milestone-service holds for a second person's approval (answered 202) is approved by the
 * district's reviewer ({@code r<code>}) before the project's next requests are sent: the projects' requests go in
 * rounds, each project's cut after every request that may wait for review, and after each round every reviewer
 * approves the round's waiting changes of the district in batches too (one authentication per batch, not per approval).
 * When any project's request failed in the first step, the others are not sent (counted as not sent).
 * Every write but a close carries its own Idempotency-Key, so a second load of the same plan writes nothing.
 */
public final class DemoLoader {

    /** Actions per batch (milestone-service takes at most 1,000); a project is never split between two. */
    static final int BATCH_SIZE = 200;
    private static final int ATTEMPTS = 3;
    /** A batch takes seconds; minutes on a machine loaded many times over (a load average of 80 was seen). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ADMIN = "admin";
    private static final String APPROVAL_NOTE = "{\"note\":\"演示数据：区级复核通过\"}";

    private final URI milestoneService;
    private final URI auditService;
    private final int threads;
    private final HttpClient http;

    /** For plans without closes (no audit-service to post them to). */
    public DemoLoader(URI milestoneService, int threads) {
        this(milestoneService, null, threads);
    }

    public DemoLoader(URI milestoneService, URI auditService, int threads) {
        this.milestoneService = milestoneService;
        this.auditService = auditService;
        this.threads = threads;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadResult load(DemoPlan plan) throws InterruptedException {
        if (!plan.closes().isEmpty() && auditService == null) {
            throw new IllegalArgumentException("the plan closes months: audit-service's URL is needed");
        }
        long started = System.nanoTime();
        Counts counts = new Counts();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            postInRounds(pool, plan.projects(), ApiRequests::of, counts);
            List<Runnable> steps = new ArrayList<>();
            if (!counts.failures.isEmpty()) {
                // months are not closed over projects that did not get in: the rest waits for a load that succeeds
                counts.notSent.addAndGet(plan.targets().size() + plan.closes().size() + plan.pendingReviews().size()
                        + plan.projects().stream().mapToInt(project -> project.restatements().size()).sum());
                return result(plan, counts, started);
            }
            for (YearTargets targets : plan.targets()) {
                steps.add(() -> postTargets(targets, counts));
            }
            for (PeriodClose close : plan.closes()) {
                steps.add(() -> postClose(close, counts));
            }
            await(pool, steps);
            steps.clear();
            List<DemoProject> restated = plan.projects().stream()
                    .filter(project -> !project.restatements().isEmpty()).toList();
            postInRounds(pool, restated, ApiRequests::restatementsOf, counts);
            List<Runnable> waiting = new ArrayList<>();
            for (PendingReview review : plan.pendingReviews()) {
                ApiRequest request = ApiRequests.of(review);
                waiting.add(() -> single(milestoneService.resolve(request.path()), request.user(),
                        request.idempotencyKey(), request.jsonBody(), review.project().code(), counts, false));
            }
            await(pool, waiting);
        } finally {
            pool.shutdownNow();
        }
        return result(plan, counts, started);
    }

    /**
     * The projects' requests in rounds: round n sends each project's n-th part (its requests up to one that may wait
     * for review), then the reviewers approve what waits (each district's reviewer in batches), then round n + 1. A
     * project that failed sends no more.
     */
    private void postInRounds(ExecutorService pool, List<DemoProject> projects,
                              Function<DemoProject, List<ApiRequest>> of, Counts counts) throws InterruptedException {
        Map<DemoProject, List<List<ApiRequest>>> parts = new LinkedHashMap<>();
        projects.forEach(project -> parts.put(project, parts(of.apply(project))));
        int rounds = parts.values().stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            int n = round;
            List<DemoProject> sending = new ArrayList<>();
            parts.forEach((project, projectParts) -> {
                if (n >= projectParts.size()) {
                    return;
                }
                if (counts.failedProjects.contains(project.code())) {
                    counts.notSent.addAndGet(projectParts.get(n).size());
                } else {
                    sending.add(project);
                }
            });
            Function<DemoProject, List<ApiRequest>> part = project -> parts.get(project).get(n);
            List<Runnable> steps = new ArrayList<>();
            for (List<DemoProject> batch : batches(sending, part)) {
                steps.add(() -> post(batch, part, counts));
            }
            await(pool, steps);
            steps.clear();
            List<Approval> waiting = new ArrayList<>();
            for (Approval approval = counts.waiting.poll(); approval != null; approval = counts.waiting.poll()) {
                waiting.add(approval);
            }
            for (List<Approval> batch : batches(waiting, approval -> approval.request().user(), approval -> 1)) {
                steps.add(() -> approve(batch, counts));
            }
            await(pool, steps);
        }
    }

    /** A project's requests, cut after each that may wait for review; a part never ends before one. */
    static List<List<ApiRequest>> parts(List<ApiRequest> requests) {
        List<List<ApiRequest>> parts = new ArrayList<>();
        List<ApiRequest> part = new ArrayList<>();
        for (ApiRequest request : requests) {
            part.add(request);
            if (request.mayWaitForReview()) {
                parts.add(part);
                part = new ArrayList<>();
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** One district reviewer's batch of approvals of waiting changes: an approval that failed stops its project. */
    private void approve(List<Approval> approvals, Counts counts) {
        List<ApiRequest> requests = approvals.stream().map(Approval::request).toList();
        JsonNode results = postBatch(requests, counts, (status, answer) -> {
            for (Approval approval : approvals) {
                failed(approval.projectCode(), approval.request(), status, answer, counts);
            }
        });
        if (results == null) {
            return;
        }
        for (int i = 0; i < approvals.size(); i++) {
            JsonNode result = results.get(i);
            if (recorded(result, counts)) {
                counts.approved.incrementAndGet();
            } else {
                failed(approvals.get(i).projectCode(), approvals.get(i).request(), result, counts);
            }
        }
    }

    private static LoadResult result(DemoPlan plan, Counts counts, long started) {
        return new LoadResult(plan.projects().size(), counts.recorded.get(), counts.replayed.get(), counts.approved.get(),
                new ArrayList<>(counts.failures), counts.notSent.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static void await(ExecutorService pool, List<Runnable> steps) throws InterruptedException {
        List<Future<?>> posted = new ArrayList<>();
        for (Runnable step : steps) {
            posted.add(pool.submit(step));
        }
        for (Future<?> future : posted) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("posting failed unexpectedly", e.getCause());
            }
        }
    }

    static List<List<DemoProject>> batches(List<DemoProject> projects) {
        return batches(projects, ApiRequests::of);
    }

    /** Each district user's projects, in plan order, in batches of whole projects of at most BATCH_SIZE requests. */
    static List<List<DemoProject>> batches(List<DemoProject> projects, Function<DemoProject, List<ApiRequest>> of) {
        return batches(projects, DemoProject::districtUser, project -> of.apply(project).size());
    }

    /** Each user's items, in their order, in batches of whole items of at most BATCH_SIZE requests. */
    static <T> List<List<T>> batches(List<T> items, Function<T, String> userOf, ToIntFunction<T> requestsOf) {
        Map<String, List<List<T>>> byUser = new LinkedHashMap<>();
        Map<String, Integer> filled = new LinkedHashMap<>();
        for (T item : items) {
            String user = userOf.apply(item);
            int size = requestsOf.applyAsInt(item);
            List<List<T>> batches = byUser.computeIfAbsent(user, key -> new ArrayList<>());
            int used = filled.getOrDefault(user, BATCH_SIZE);
            if (used + size > BATCH_SIZE) {
                batches.add(new ArrayList<>());
                used = 0;
            }
            batches.get(batches.size() - 1).add(item);
            filled.put(user, used + size);
        }
        return byUser.values().stream().flatMap(List::stream).toList();
    }

    /** One batch of one district's projects; a project's first failure is reported, its later requests not sent. */
    private void post(List<DemoProject> projects, Function<DemoProject, List<ApiRequest>> of, Counts counts) {
        List<List<ApiRequest>> requests = projects.stream().map(of).toList();
        JsonNode results = postBatch(requests.stream().flatMap(List::stream).toList(), counts,
                (status, answer) -> failEach(projects, requests, counts, status, answer));
        if (results == null) {
            return;
        }
        int next = 0;
        for (int p = 0; p < projects.size(); p++) {
            boolean stopped = false;
            DemoProject project = projects.get(p);
            for (ApiRequest request : requests.get(p)) {
                JsonNode result = results.get(next++);
                if (stopped) {
                    counts.notSent.incrementAndGet();
                } else if (recorded(result, counts)) {
                    if (result.path("status").asInt() == 202) {
                        counts.waiting.add(new Approval(project.code(), new ApiRequest("r" + project.district(),
                                result.path("location").asString() + "/approval", request.idempotencyKey() + "/approval",
                                APPROVAL_NOTE)));
                    }
                } else {
                    failed(project.code(), request, result, counts);
                    stopped = true;
                }
            }
        }
    }

    /** A result answered 2xx, counted as recorded or replayed; false for a refusal. */
    private static boolean recorded(JsonNode result, Counts counts) {
        if (result.path("status").asInt() / 100 != 2) {
            return false;
        }
        (result.path("replayed").asBoolean(false) ? counts.replayed : counts.recorded).incrementAndGet();
        return true;
    }

    private static void failed(String projectCode, ApiRequest request, JsonNode result, Counts counts) {
        failed(projectCode, request, result.path("status").asInt(), result.path("problem").toString(), counts);
    }

    /** The request failed: reported with what the service said, and its project sends no more. */
    private static void failed(String projectCode, ApiRequest request, int status, String answer, Counts counts) {
        counts.failures.add(new FailedRequest(projectCode, request.user(), request.path(), status, answer));
        counts.failedProjects.add(projectCode);
    }

    /**
     * One batch of requests of one user, sent again when not answered (or answered 5xx as a whole): its keys make that
     * safe. Its results, one per request in order; null when it failed as a whole (then {@code onFailure} is told the
     * status, 0 for no answer, and what was said) or the load was interrupted (its requests counted as not sent).
     */
    private JsonNode postBatch(List<ApiRequest> requests, Counts counts, BatchFailure onFailure) {
        String user = requests.get(0).user();
        ObjectNode batch = JSON.createObjectNode();
        batch.put("stopProjectOnFailure", true);
        ArrayNode actions = batch.putArray("actions");
        requests.forEach(request -> {
            ObjectNode action = actions.addObject();
            action.put("method", "POST");
            action.put("path", request.path());
            action.put("idempotencyKey", request.idempotencyKey());
            action.set("body", JSON.readTree(request.jsonBody()));
        });
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = http.send(httpRequest(milestoneService.resolve("/api/batch"), user, null,
                        JSON.writeValueAsString(batch)), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                onFailure.failed(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                        + " (is milestone-service running at " + milestoneService + "?)");
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts.notSent.addAndGet(requests.size());
                return null;
            }
            JsonNode results = results(answer);
            if (results != null) {
                return results;
            }
            if (answer.statusCode() < 500 || attempt == ATTEMPTS) {
                onFailure.failed(answer.statusCode(), answer.body());
                return null;
            }
        }
    }

    /** The batch's results when it was answered 200 with one result per action, else null. */
    private static JsonNode results(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            return null;
        }
        try {
            JsonNode results = JSON.readTree(answer.body()).path("results");
            return results.isArray() ? results : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The batch as a whole failed: each project's first request failed so, the rest not sent. */
    private static void failEach(List<DemoProject> projects, List<List<ApiRequest>> requests, Counts counts,
                                 int status, String answer) {
        for (int p = 0; p < projects.size(); p++) {
            failed(projects.get(p).code(), requests.get(p).get(0), status, answer, counts);
            counts.notSent.addAndGet(requests.get(p).size() - 1);
        }
    }

    /** A year's targets as ADMIN, with its own Idempotency-Key: 201 recorded, or replayed. */
    private void postTargets(YearTargets targets, Counts counts) {
        String key = "groundbreak-demo/targets/" + targets.year();
        single(milestoneService.resolve(YearTargets.PATH), ADMIN, key, JSON.writeValueAsString(targets.body()),
                "targets-" + targets.year(), counts, false);
    }

    /** A district's month closed by its office: 201, or 409 period-already-closed when a load before closed it. */
    private void postClose(PeriodClose close, Counts counts) {
        single(auditService.resolve(close.path()), close.districtUser(), null, "{}",
                "close-" + close.district() + "-" + close.period(), counts, true);
    }

    private void single(URI uri, String user, String key, String body, String what, Counts counts, boolean close) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = http.send(httpRequest(uri, user, key, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                counts.failures.add(new FailedRequest(what, user, uri.getPath(), 0, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()) + " (is " + uri.getAuthority()
                        + " running?)"));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts.notSent.incrementAndGet();
                return;
            }
            int status = answer.statusCode();
            if (status >= 500 && attempt < ATTEMPTS) {
                continue;
            }
            if (status / 100 == 2) {
                boolean replayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
                (replayed ? counts.replayed : counts.recorded).incrementAndGet();
            } else if (close && status == 409 && answer.body().contains("period-already-closed")) {
                counts.replayed.incrementAndGet();
            } else {
                counts.failures.add(new FailedRequest(what, user, uri.getPath(), status, answer.body()));
            }
            return;
        }
    }

    private static HttpRequest httpRequest(URI uri, String user, String idempotencyKey, String body) {
        String credentials = user + ":" + user + "-dev";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** What the batches posted, counted across threads. */
    private static final class Counts {
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
        final AtomicInteger approved = new AtomicInteger();
        final ConcurrentLinkedQueue<FailedRequest> failures = new ConcurrentLinkedQueue<>();
        final Set<String> failedProjects = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Approval> waiting = new ConcurrentLinkedQueue<>();
    }

    /**
     * A change answered 202: its project, and its approval by the district's reviewer at the request's location, under
     * a key of its own derived from the change's.
     */
    private record Approval(String projectCode, ApiRequest request) {
    }

    /** A batch that failed as a whole: the status (0 for no answer) and what was said. */
    private interface BatchFailure {
        void failed(int status, String answer);
    }
}
