package io.groundbreak.web.excel.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The imports of the last hours, in memory: the web app stores nothing else, and a lost report costs
 * nothing, since uploading the same file again reproduces it without recording anything twice.
 * Finished imports are dropped once older than {@code reports-kept-for}, oldest first beyond
 * {@code max-reports}; running ones are never dropped.
 */
@Component
class ImportRuns {

    private final Map<String, ImportRun> runs = new ConcurrentHashMap<>();
    private final ExcelProperties properties;
    private final Clock clock;

    ImportRuns(ExcelProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    void add(ImportRun run) {
        forgetOld();
        runs.put(run.id(), run);
    }

    /** The user's own import; another user's is as unknown as a missing one. */
    ImportRun get(String id, String userName) {
        ImportRun run = runs.get(id);
        if (run == null || !run.user().name().equals(userName)) {
            throw new UnknownImport(id);
        }
        return run;
    }

    private void forgetOld() {
        Instant oldest = clock.instant().minus(properties.reportsKeptFor());
        runs.values().removeIf(run -> run.finished() && run.finishedAt().isBefore(oldest));
        int excess = runs.size() - properties.maxReports() + 1;
        if (excess > 0) {
            runs.values().stream().filter(ImportRun::finished)
                    .sorted(Comparator.comparing(ImportRun::finishedAt))
                    .limit(excess)
                    .map(ImportRun::id)
                    .toList()
                    .forEach(runs::remove);
        }
    }
}
