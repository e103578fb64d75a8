package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The imports of the last hours, in the web app's database (table {@code import_run}), so that every
 * instance serves every import's progress and report. The instance applying an import keeps it in memory
 * too, writes its progress every second and, once finished, its full report and the report workbook; an
 * import whose progress stopped for {@link #INTERRUPTED_AFTER} lost its instance and is {@code INTERRUPTED}
 * (uploading the same file again records nothing twice). Finished imports are dropped once older than
 * {@code reports-kept-for}, oldest first beyond {@code max-reports}; running ones are never dropped (an
 * interrupted one after {@code reports-kept-for}). A report not yet stored (the database unreachable when
 * the import finished) is served from memory by its instance and stored at the next heartbeat.
 */
@Component
class ImportRuns implements DisposableBean {

    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration INTERRUPTED_AFTER = Duration.ofSeconds(30);
    static final String INTERRUPTED = "INTERRUPTED";

    private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);

    /** Running here, or finished here and not stored yet. */
    private final Map<String, ImportRun> local = new ConcurrentHashMap<>();
    /** The workbooks of finished runs not stored yet, made once (a retry every second must not remake one). */
    private final Map<String, byte[]> workbooks = new ConcurrentHashMap<>();
    private final ExcelProperties properties;
    private final ExcelTexts texts;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService heartbeat;

    ImportRuns(ExcelProperties properties, ExcelTexts texts, JdbcTemplate jdbc, JsonMapper json) {
        this.properties = properties;
        this.texts = texts;
        this.jdbc = jdbc;
        // every non-ASCII character as \\uXXXX: a lone surrogate or U+0000 a cell held survives the text column
        this.json = json.rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "excel-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new import, stored before its first write is sent (a database outage refuses the upload). */
    void add(ImportRun run) {
        forgetOld();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO import_run (id, user_name, locale, state, started_at, heartbeat_at, status)"
                        + " VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)",
                UUID.fromString(run.id()), run.user().name(), run.locale().toLanguageTag(),
                Timestamp.from(run.startedAt()), Timestamp.from(now), json.writeValueAsString(run.status()));
        local.put(run.id(), run);
    }

    /** Called once the run has finished: its report and workbook stored, or kept here until they can be. */
    void finished(ImportRun run) {
        try {
            store(run);
        } catch (RuntimeException e) {
            LOG.warn("import {}: report not stored yet ({}); served from this instance until it is", run.id(),
                    e.getMessage());
        }
    }

    /** The user's own import's status; another user's is as unknown as a missing one. */
    ImportStatus status(String id, String userName) {
        ImportRun run = local.get(id);
        if (run != null) {
            return own(run, userName).status();
        }
        StoredImport stored = stored(id, userName);
        ImportStatus status = json.readValue(stored.status(), ImportStatus.class);
        if (stored.interrupted()) {
            return new ImportStatus(status.id(), status.fileName(), status.sheet(), status.contentHash(), INTERRUPTED,
                    status.startedAt(), null, status.total(), status.done(), status.counts(), null, status.report());
        }
        return status;
    }

    /** The user's own finished import's report workbook. */
    ImportReport report(String id, String userName) {
        ImportRun run = local.get(id);
        if (run != null) {
            own(run, userName);
            if (!run.finished()) {
                throw new ImportStillRunning(id);
            }
            return new ImportReport(run.fileName(), run.locale(), workbook(run));
        }
        StoredImport stored = stored(id, userName);
        if (stored.report() == null) {
            throw stored.interrupted() ? new ImportInterrupted(id) : new ImportStillRunning(id);
        }
        String fileName = json.readValue(stored.status(), ImportStatus.class).fileName();
        return new ImportReport(fileName, Locale.forLanguageTag(stored.locale()), stored.report());
    }

    private static ImportRun own(ImportRun run, String userName) {
        if (!run.user().name().equals(userName)) {
            throw new UnknownImport(run.id());
        }
        return run;
    }

    private StoredImport stored(String id, String userName) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new UnknownImport(id);
        }
        Instant stale = clock.instant().minus(INTERRUPTED_AFTER);
        List<StoredImport> found = jdbc.query("SELECT user_name, locale, state, heartbeat_at, status, report"
                        + " FROM import_run WHERE id = ?",
                (row, n) -> new StoredImport(row.getString("user_name"), row.getString("locale"),
                        "RUNNING".equals(row.getString("state"))
                                && row.getTimestamp("heartbeat_at").toInstant().isBefore(stale),
                        row.getString("status"), row.getBytes("report")),
                uuid);
        if (found.isEmpty() || !found.get(0).userName().equals(userName)) {
            throw new UnknownImport(id);
        }
        return found.get(0);
    }

    /** Every second: the progress of the imports running here, and the reports not stored yet. */
    private void beat() {
        for (ImportRun run : List.copyOf(local.values())) {
            try {
                if (run.finished()) {
                    store(run);
                } else {
                    jdbc.update("UPDATE import_run SET heartbeat_at = ?, status = ? WHERE id = ? AND state = 'RUNNING'",
                            Timestamp.from(clock.instant()), json.writeValueAsString(run.status()), UUID.fromString(run.id()));
                }
            } catch (RuntimeException e) {
                LOG.debug("import {}: progress not stored ({})", run.id(), e.getMessage());
            }
        }
        forgetOldHere();
    }

    private void store(ImportRun run) {
        jdbc.update("UPDATE import_run SET state = 'FINISHED', heartbeat_at = ?, finished_at = ?, status = ?, report = ?"
                        + " WHERE id = ?",
                Timestamp.from(clock.instant()), Timestamp.from(run.finishedAt()), json.writeValueAsString(run.status()),
                workbook(run), UUID.fromString(run.id()));
        local.remove(run.id());
        workbooks.remove(run.id());
    }

    private byte[] workbook(ImportRun run) {
        return workbooks.computeIfAbsent(run.id(), id -> render(run));
    }

    private byte[] render(ImportRun run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportWorkbook.write(run, texts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void forgetOld() {
        Timestamp oldest = Timestamp.from(clock.instant().minus(properties.reportsKeptFor()));
        jdbc.update("DELETE FROM import_run WHERE finished_at < ? OR (finished_at IS NULL AND heartbeat_at < ?)",
                oldest, oldest);
        Integer running = jdbc.queryForObject("SELECT count(*) FROM import_run WHERE finished_at IS NULL", Integer.class);
        // room for the import being added: at most max-reports in all, running ones included
        int keepFinished = Math.max(0, properties.maxReports() - 1 - (running == null ? 0 : running));
        jdbc.update("DELETE FROM import_run WHERE id IN (SELECT id FROM import_run WHERE finished_at IS NOT NULL"
                + " ORDER BY finished_at DESC, id OFFSET ?)", keepFinished);
    }

    /** Reports waiting here for the database obey the same limits. */
    private void forgetOldHere() {
        Instant oldest = clock.instant().minus(properties.reportsKeptFor());
        local.values().removeIf(run -> run.finished() && run.finishedAt().isBefore(oldest));
        int excess = local.size() - properties.maxReports();
        if (excess > 0) {
            local.values().stream().filter(ImportRun::finished)
                    .sorted(Comparator.comparing(ImportRun::finishedAt))
                    .limit(excess)
                    .map(ImportRun::id)
                    .toList()
                    .forEach(local::remove);
        }
        workbooks.keySet().retainAll(local.keySet());
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
    }
}
