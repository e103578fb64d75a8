package io.groundbreak.web.excel.importing;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.web.excel.reading.SheetRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One upload being applied: who, in which language, the file, and an outcome slot per row (filled by
 * the writers as rows are answered; refusals made before sending are filled from the start).
 */
final class ImportRun {

    private final String id;
    private final CurrentUser user;
    private final Locale locale;
    private final String fileName;
    private final String sheet;
    private final String contentHash;
    private final Instant startedAt;
    private final int[] rowNumbers;
    private final ImportHeader header;
    /** The rows as read, by index; once the run has finished, only the refused ones (for the report's sheet to fix). */
    private final SheetRow[] asRead;
    private final AtomicReferenceArray<RowOutcome> outcomes;
    private final AtomicInteger done = new AtomicInteger();
    private volatile Instant finishedAt;

    ImportRun(String id, CurrentUser user, Locale locale, String fileName, String sheet, String contentHash,
              Instant startedAt, int[] rowNumbers, ImportHeader header, SheetRow[] asRead) {
        this.id = id;
        this.user = user;
        this.locale = locale;
        this.fileName = fileName;
        this.sheet = sheet;
        this.contentHash = contentHash;
        this.startedAt = startedAt;
        this.rowNumbers = rowNumbers.clone();
        this.header = header;
        this.asRead = asRead.clone();
        this.outcomes = new AtomicReferenceArray<>(rowNumbers.length);
    }

    String id() {
        return id;
    }

    CurrentUser user() {
        return user;
    }

    Locale locale() {
        return locale;
    }

    String fileName() {
        return fileName;
    }

    String sheet() {
        return sheet;
    }

    String contentHash() {
        return contentHash;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    boolean finished() {
        return finishedAt != null;
    }

    /** Records a row's outcome; {@code index} is the row's place among the data rows. */
    void answer(int index, RowOutcome outcome) {
        if (outcomes.getAndSet(index, outcome) == null) {
            done.incrementAndGet();
        }
    }

    void finish(Instant at) {
        for (int i = 0; i < asRead.length; i++) {
            RowOutcome outcome = outcomes.get(i);
            if (outcome == null || outcome.outcome() != Outcome.REFUSED) {
                asRead[i] = null;
            }
        }
        finishedAt = at;
    }

    ImportHeader header() {
        return header;
    }

    /** The refused rows as read, with their outcome, in file order (once finished). */
    List<Refused> refused() {
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < asRead.length; i++) {
            if (asRead[i] != null) {
                refused.add(new Refused(asRead[i], outcomes.get(i)));
            }
        }
        return refused;
    }

    int total() {
        return rowNumbers.length;
    }

    List<RowOutcome> outcomes() {
        List<RowOutcome> all = new ArrayList<>(rowNumbers.length);
        for (int i = 0; i < rowNumbers.length; i++) {
            all.add(outcomes.get(i));
        }
        return all;
    }

    ImportCounts counts() {
        int[] counts = new int[Outcome.values().length];
        for (int i = 0; i < rowNumbers.length; i++) {
            RowOutcome outcome = outcomes.get(i);
            if (outcome != null) {
                counts[outcome.outcome().ordinal()]++;
            }
        }
        return new ImportCounts(counts[Outcome.ACCEPTED.ordinal()], counts[Outcome.SUBMITTED.ordinal()],
                counts[Outcome.REPLAYED.ordinal()],
                counts[Outcome.REFUSED.ordinal()], counts[Outcome.SKIPPED.ordinal()],
                counts[Outcome.UNCONFIRMED.ordinal()]);
    }

    ImportStatus status() {
        boolean finished = finished();
        return new ImportStatus(id, fileName, sheet, contentHash, finished ? "FINISHED" : "RUNNING", startedAt,
                finishedAt, total(), done.get(), counts(), finished ? outcomes() : null,
                "/web/imports/" + id + "/report.xlsx");
    }
}
