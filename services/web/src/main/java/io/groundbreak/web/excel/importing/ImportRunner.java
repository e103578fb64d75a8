package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Applies an import's rows: each row on its own, the rows of one project one after another in file order
 * (a registration before its first milestone), different projects side by side on a small pool of
 * writers shared by every import ({@code groundbreak.web.excel.parallelism}), so that a 10,000-row upload
 * neither waits on one row at a time nor floods milestone-service.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final RowPoster poster;
    private final ExcelTexts texts;
    private final ExecutorService writers;
    private final Clock clock = Clock.systemUTC();

    ImportRunner(RowPoster poster, ExcelTexts texts, ExcelProperties properties) {
        this.poster = poster;
        this.texts = texts;
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
        Map<String, List<IndexedWrite>> byProject = new LinkedHashMap<>();
        for (IndexedWrite write : writes) {
            byProject.computeIfAbsent(write.write().code(), code -> new ArrayList<>()).add(write);
        }
        List<CompletableFuture<Void>> projects = byProject.values().stream()
                .map(rows -> CompletableFuture.runAsync(() -> writeProject(run, rows, projectIdsByCode), writers))
                .toList();
        return CompletableFuture.allOf(projects.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
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

    private void writeProject(ImportRun run, List<IndexedWrite> rows, Map<String, String> projectIdsByCode) {
        boolean unsure = false;
        for (IndexedWrite indexed : rows) {
            RowWrite write = indexed.write();
            if (unsure) {
                // an earlier row of this project may or may not be recorded; a later one cannot be judged after it
                unconfirmed(run, indexed, "row.dependency", false);
                continue;
            }
            String projectId = write.action() == ImportAction.REGISTER ? (String) write.body().get("projectId")
                    : projectIdsByCode.getOrDefault(write.code(), ProjectIds.fromCode(write.code()));
            RowOutcome outcome;
            try {
                outcome = poster.post(run.user(), run.locale(), write, projectId, indexed.idempotencyKey());
            } catch (RuntimeException e) {
                LOG.error("import {} row {}", run.id(), write.row(), e);
                outcome = new RowOutcome(write.row(), write.action().label(run.locale()), write.code(),
                        Outcome.UNCONFIRMED, projectId, null, null, null, null,
                        texts.text(run.locale(), "row.unconfirmed"), List.of());
            }
            run.answer(indexed.index(), outcome);
            unsure = outcome.outcome() == Outcome.UNCONFIRMED;
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
