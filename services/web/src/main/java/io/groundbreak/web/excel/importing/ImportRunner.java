package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies an import's rows: in chunks of rows in file order, each chunk one batch of milestone-service
 * ({@code POST /api/batch}), which judges each row on its own, applies one project's rows one after another in
 * file order (a registration before its first milestone) and different projects' side by side. Chunks go one
 * after another, so a project's rows keep their order across chunks too. A pool shared by every import
 * ({@code groundbreak.web.excel.parallelism}) bounds how many imports send at once.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final RowPoster poster;
    private final ExcelTexts texts;
    private final int chunkSize;
    private final ExecutorService writers;
    private final Clock clock = Clock.systemUTC();

    ImportRunner(RowPoster poster, ExcelTexts texts, ExcelProperties properties) {
        this.poster = poster;
        this.texts = texts;
        this.chunkSize = properties.batchSize();
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "excel-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.writers = Executors.newFixedThreadPool(properties.parallelism(), threads);
    }

    /** Starts writing; returns at once. {@code writes} are (index among the data rows, write) in file order. */
    CompletableFuture<Void> start(ImportRun run, List<IndexedWrite> writes, Map<String, String> projectIdsByCode) {
        return CompletableFuture.runAsync(() -> writeAll(run, writes, projectIdsByCode), writers)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.error("import {} failed", run.id(), failure);
                        for (IndexedWrite write : writes) {
                            unconfirmed(run, write, "row.unconfirmed", true);
                        }
                    }
                    run.finish(clock.instant());
                    LOG.info("import {} of {} by {}: {}", run.id(), run.fileName(), run.user().name(), run.counts());
                });
    }

    private void writeAll(ImportRun run, List<IndexedWrite> writes, Map<String, String> projectIdsByCode) {
        // codes of projects with a row whose fate is unknown: their later rows cannot be judged after it
        Set<String> unsure = new HashSet<>();
        for (int from = 0; from < writes.size(); from += chunkSize) {
            List<IndexedWrite> toSend = new ArrayList<>();
            List<RowToSend> rows = new ArrayList<>();
            for (IndexedWrite indexed : writes.subList(from, Math.min(from + chunkSize, writes.size()))) {
                RowWrite write = indexed.write();
                if (unsure.contains(write.code())) {
                    unconfirmed(run, indexed, "row.dependency", false);
                    continue;
                }
                String projectId = write.action() == ImportAction.REGISTER ? (String) write.body().get("projectId")
                        : projectIdsByCode.getOrDefault(write.code(), ProjectIds.fromCode(write.code()));
                toSend.add(indexed);
                rows.add(new RowToSend(write, projectId, indexed.idempotencyKey()));
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<RowOutcome> outcomes = poster.post(run.user(), run.locale(), rows);
            for (int i = 0; i < toSend.size(); i++) {
                run.answer(toSend.get(i).index(), outcomes.get(i));
                if (outcomes.get(i).outcome() == Outcome.UNCONFIRMED) {
                    unsure.add(toSend.get(i).write().code());
                }
            }
        }
    }

    private void unconfirmed(ImportRun run, IndexedWrite indexed, String key, boolean onlyIfUnanswered) {
        if (onlyIfUnanswered && run.outcomes().get(indexed.index()) != null) {
            return;
        }
        RowWrite write = indexed.write();
        run.answer(indexed.index(), new RowOutcome(write.row(), write.action().label(run.locale()), write.code(),
                Outcome.UNCONFIRMED, null, null, null, null, null, texts.text(run.locale(), key), List.of()));
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }
}
