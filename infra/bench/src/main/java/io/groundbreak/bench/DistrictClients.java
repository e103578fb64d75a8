package io.groundbreak.bench;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * N district offices posting at once, one thread each, each waiting for its answer before the next
 * request (as a district's client does). Either flat out, or paced to a total rate (open loop: each
 * client keeps its own schedule, so a slow answer is followed by the requests that fell due meanwhile).
 */
final class DistrictClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchHttp http;
    private final Function<String, URI> milestoneUrl;
    private final List<DistrictWorkload> workloads;

    DistrictClients(BenchHttp http, Function<String, URI> milestoneUrl, List<DistrictWorkload> workloads) {
        this.http = http;
        this.milestoneUrl = milestoneUrl;
        this.workloads = workloads;
    }

    /**
     * Posts for {@code warmUpNanos + windowNanos}, counting only what completes in the window.
     *
     * @param totalRate events per second for all clients together; 0 for flat out
     */
    LoadResult measure(long warmUpNanos, long windowNanos, double totalRate) throws Exception {
        long start = System.nanoTime();
        long windowStart = start + warmUpNanos;
        long windowEnd = windowStart + windowNanos;
        return run(start, windowStart, windowEnd, totalRate, Long.MAX_VALUE);
    }

    /** Posts flat out until {@code events} writes were answered 201 (a backlog). */
    LoadResult post(long events) throws Exception {
        long start = System.nanoTime();
        return run(start, start, Long.MAX_VALUE, 0, events);
    }

    /**
     * Writes at least {@code events} events as whole projects through milestone-service's batch endpoint
     * ({@code POST /api/batch}, as the Excel import and the demo loader write): {@code projectsPerBatch} projects of one
     * client's district per batch, {@code parallel} batches in flight at once, each client's projects sent by one
     * thread. Counts the actions answered 201; latencies are whole batches'.
     */
    LoadResult postInBatches(long events, int projectsPerBatch, int parallel) throws Exception {
        long eventsPerBatch = projectsPerBatch * 6L;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        AtomicLong planned = new AtomicLong();
        AtomicLong recorded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                List<DistrictWorkload> mine = new ArrayList<>();
                for (int i = t; i < workloads.size(); i += parallel) {
                    mine.add(workloads.get(i));
                }
                Latencies batches = new Latencies();
                latencies.add(batches);
                done.add(threads.submit(() -> {
                    for (int turn = 0; !mine.isEmpty() && planned.getAndAdd(eventsPerBatch) < events; turn++) {
                        DistrictWorkload workload = mine.get(turn % mine.size());
                        StringBuilder body = new StringBuilder("{\"actions\":[");
                        for (int project = 0; project < projectsPerBatch; project++) {
                            for (WriteRequest write : workload.project()) {
                                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
                                        .append("{\"method\":\"POST\",\"path\":\"").append(write.path())
                                        .append("\",\"body\":").append(write.json()).append('}');
                            }
                        }
                        BenchHttp.Answer answer;
                        try {
                            answer = http.post(milestoneUrl.apply("/api/batch"), workload.user(), body.append("]}").toString());
                        } catch (UncheckedIOException e) {
                            answer = new BenchHttp.Answer(-1, e.getCause().toString(), 0);
                        }
                        long created = answer.status() == 200 ? created(answer.body()) : 0;
                        recorded.addAndGet(created);
                        if (created < eventsPerBatch) {
                            errors.addAndGet(eventsPerBatch - created);
                            firstError.compareAndSet(null, "/api/batch → " + answer.status() + " " + answer.body());
                        }
                        batches.add(answer.nanos());
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            return new LoadResult(recorded.get(), (System.nanoTime() - start) / 1e9, Latencies.merge(latencies),
                    errors.get(), firstError.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The batch's actions answered 201. */
    private static long created(String answer) {
        long created = 0;
        for (JsonNode result : JSON.readTree(answer).path("results")) {
            if (result.path("status").asInt() == 201) {
                created++;
            }
        }
        return created;
    }

    private LoadResult run(long start, long windowStart, long windowEnd, double totalRate, long maxEvents)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(workloads.size());
        AtomicLong succeeded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long interval = totalRate > 0 ? (long) (1e9 * workloads.size() / totalRate) : 0;
        try {
            List<Future<Long>> counts = new ArrayList<>();
            List<Latencies> latencies = new ArrayList<>();
            for (int i = 0; i < workloads.size(); i++) {
                DistrictWorkload workload = workloads.get(i);
                Latencies mine = new Latencies();
                latencies.add(mine);
                // clients start spread over one interval, not all in the same instant
                long firstSend = start + (interval * i) / workloads.size();
                counts.add(threads.submit(() -> {
                    long inWindow = 0;
                    long due = firstSend;
                    while (System.nanoTime() < windowEnd && succeeded.get() < maxEvents) {
                        if (interval > 0) {
                            // pacing to a schedule, not waiting for a condition
                            LockSupport.parkNanos(due - System.nanoTime());
                            due += interval;
                        }
                        WriteRequest request = workload.next();
                        BenchHttp.Answer answer;
                        try {
                            answer = http.post(milestoneUrl.apply(request.path()), workload.user(), request.json());
                        } catch (UncheckedIOException e) {
                            answer = new BenchHttp.Answer(-1, e.getCause().toString(), 0);
                        }
                        workload.answered(request, answer.status(), answer.body());
                        long done = System.nanoTime();
                        if (answer.status() == 201) {
                            succeeded.incrementAndGet();
                            if (done >= windowStart && done <= windowEnd) {
                                inWindow++;
                                mine.add(answer.nanos());
                            }
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, request.path() + " → " + answer.status() + " " + answer.body());
                        }
                    }
                    return inWindow;
                }));
            }
            long events = 0;
            for (Future<Long> count : counts) {
                events += count.get();
            }
            long end = Math.min(System.nanoTime(), windowEnd);
            return new LoadResult(events, (end - windowStart) / 1e9, Latencies.merge(latencies), errors.get(),
                    firstError.get());
        } finally {
            threads.shutdownNow();
        }
    }
}
