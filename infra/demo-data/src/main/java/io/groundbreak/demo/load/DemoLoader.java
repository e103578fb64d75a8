package io.groundbreak.demo.load;

import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a demo plan through milestone-service's public HTTP API as the district offices (local users
 * {@code d<code>} / {@code d<code>-dev}), in batches ({@code POST /api/batch}): each district's projects in
 * batches of whole projects, each project's requests in their order and stopping at its first failure
 * ({@code stopProjectOnFailure}), several batches at once. One authentication per batch, not per request.
 */
public final class DemoLoader {

    /** Actions per batch (milestone-service takes at most 1,000); a project is never split between two. */
    static final int BATCH_SIZE = 200;
    private static final int ATTEMPTS = 3;
    /** A batch takes seconds; minutes on a machine loaded many times over (a load average of 80 was seen). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI milestoneService;
    private final int threads;
    private final HttpClient http;

    public DemoLoader(URI milestoneService, int threads) {
        this.milestoneService = milestoneService;
        this.threads = threads;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadResult load(DemoPlan plan) throws InterruptedException {
        long started = System.nanoTime();
        Counts counts = new Counts();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (List<DemoProject> batch : batches(plan.projects())) {
                posted.add(pool.submit(() -> post(batch, counts)));
            }
            for (Future<?> future : posted) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("posting a batch failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new LoadResult(plan.projects().size(), counts.recorded.get(), counts.replayed.get(),
                new ArrayList<>(counts.failures), counts.notSent.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Each district user's projects, in plan order, in batches of whole projects of at most BATCH_SIZE requests. */
    static List<List<DemoProject>> batches(List<DemoProject> projects) {
        Map<String, List<List<DemoProject>>> byUser = new LinkedHashMap<>();
        Map<String, Integer> filled = new LinkedHashMap<>();
        for (DemoProject project : projects) {
            int size = ApiRequests.of(project).size();
            List<List<DemoProject>> batches = byUser.computeIfAbsent(project.districtUser(), user -> new ArrayList<>());
            int used = filled.getOrDefault(project.districtUser(), BATCH_SIZE);
            if (used + size > BATCH_SIZE) {
                batches.add(new ArrayList<>());
                used = 0;
            }
            batches.get(batches.size() - 1).add(project);
            filled.put(project.districtUser(), used + size);
        }
        return byUser.values().stream().flatMap(List::stream).toList();
    }

    /** One batch of one district's projects; a project's first failure is reported, its later requests not sent. */
    private void post(List<DemoProject> projects, Counts counts) {
        List<List<ApiRequest>> requests = projects.stream().map(ApiRequests::of).toList();
        String user = projects.get(0).districtUser();
        ObjectNode batch = JSON.createObjectNode();
        batch.put("stopProjectOnFailure", true);
        ArrayNode actions = batch.putArray("actions");
        requests.stream().flatMap(List::stream).forEach(request -> {
            ObjectNode action = actions.addObject();
            action.put("method", "POST");
            action.put("path", request.path());
            action.put("idempotencyKey", request.idempotencyKey());
            action.set("body", JSON.readTree(request.jsonBody()));
        });
        HttpResponse<String> answer = null;
        JsonNode results = null;
        // a batch not answered (or answered 5xx as a whole) is sent again: its keys make that safe
        for (int attempt = 1; results == null; attempt++) {
            try {
                answer = http.send(httpRequest(user, JSON.writeValueAsString(batch)), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                failEach(projects, requests, counts, 0, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage())
                        + " (is milestone-service running at " + milestoneService + "?)");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts.notSent.addAndGet(actions.size());
                return;
            }
            results = results(answer);
            if (results == null && (answer.statusCode() < 500 || attempt == ATTEMPTS)) {
                failEach(projects, requests, counts, answer.statusCode(), answer.body());
                return;
            }
        }
        int next = 0;
        for (int p = 0; p < projects.size(); p++) {
            boolean failed = false;
            for (ApiRequest request : requests.get(p)) {
                JsonNode result = results.get(next++);
                int status = result.path("status").asInt();
                if (failed) {
                    counts.notSent.incrementAndGet();
                } else if (status / 100 == 2) {
                    (result.path("replayed").asBoolean(false) ? counts.replayed : counts.recorded).incrementAndGet();
                } else {
                    counts.failures.add(new FailedRequest(projects.get(p).code(), user, request.path(), status,
                            result.path("problem").toString()));
                    failed = true;
                }
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
            ApiRequest first = requests.get(p).get(0);
            counts.failures.add(new FailedRequest(projects.get(p).code(), first.user(), first.path(), status, answer));
            counts.notSent.addAndGet(requests.get(p).size() - 1);
        }
    }

    private HttpRequest httpRequest(String user, String body) {
        String credentials = user + ":" + user + "-dev";
        return HttpRequest.newBuilder(milestoneService.resolve("/api/batch"))
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
        final ConcurrentLinkedQueue<FailedRequest> failures = new ConcurrentLinkedQueue<>();
    }
}
