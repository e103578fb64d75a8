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

/**
 * N district offices posting at once, one thread each, each waiting for its answer before the next
 * request (as a district's client does). Either flat out, or paced to a total rate (open loop: each
 * client keeps its own schedule, so a slow answer is followed by the requests that fell due meanwhile).
 */
final class DistrictClients {

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
