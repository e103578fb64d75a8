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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a demo plan through milestone-service's public HTTP API as the district offices (local users
 * {@code d<code>} / {@code d<code>-dev}): each project's requests one after the other in their order,
 * several projects at once.
 */
public final class DemoLoader {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

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
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        ConcurrentLinkedQueue<FailedRequest> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (DemoProject project : plan.projects()) {
                posted.add(pool.submit(() -> post(project, recorded, replayed, notSent, failures)));
            }
            for (Future<?> future : posted) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("posting a project failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new LoadResult(plan.projects().size(), recorded.get(), replayed.get(), new ArrayList<>(failures),
                notSent.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** One project's requests in order; the first failure stops it, as everything after builds on it. */
    private void post(DemoProject project, AtomicInteger recorded, AtomicInteger replayed, AtomicInteger notSent,
                      ConcurrentLinkedQueue<FailedRequest> failures) {
        List<ApiRequest> requests = ApiRequests.of(project);
        for (int i = 0; i < requests.size(); i++) {
            ApiRequest request = requests.get(i);
            try {
                HttpResponse<String> answer = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2) {
                    failures.add(new FailedRequest(project.code(), request.user(), request.path(), answer.statusCode(),
                            answer.body()));
                    notSent.addAndGet(requests.size() - i - 1);
                    return;
                }
                boolean wasReplayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
                (wasReplayed ? replayed : recorded).incrementAndGet();
            } catch (IOException e) {
                failures.add(new FailedRequest(project.code(), request.user(), request.path(), 0,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                                + " (is milestone-service running at " + milestoneService + "?)"));
                notSent.addAndGet(requests.size() - i - 1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notSent.addAndGet(requests.size() - i);
                return;
            }
        }
    }

    private HttpRequest httpRequest(ApiRequest request) {
        String credentials = request.user() + ":" + request.user() + "-dev";
        return HttpRequest.newBuilder(milestoneService.resolve(request.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8))
                .build();
    }
}
