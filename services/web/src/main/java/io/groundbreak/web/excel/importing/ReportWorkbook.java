package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An import's report as a workbook: what was imported by whom and when, then one line per row. */
final class ReportWorkbook {

    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ReportWorkbook() {
    }

    static void write(ImportRun run, ExcelTexts texts, OutputStream out) throws IOException {
        Locale locale = run.locale();
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            ImportCounts counts = run.counts();
            SheetWriter sheet = book.sheet(texts.text(locale, "report.sheet"))
                    .title(texts.text(locale, "report.title"))
                    .note(texts.text(locale, "report.file"), run.fileName())
                    .note(texts.text(locale, "report.sheet-read"), run.sheet())
                    .note(texts.text(locale, "report.by"), run.user().name())
                    .note(texts.text(locale, "report.started"), time(run.startedAt()))
                    .note(texts.text(locale, "report.finished"), time(run.finishedAt()))
                    .note(texts.text(locale, "report.content-hash"), run.contentHash())
                    .note("", texts.text(locale, "report.summary", counts.accepted(), counts.replayed(),
                            counts.refused(), counts.skipped(), counts.unconfirmed()))
                    .blank()
                    .header(texts.text(locale, "report.row"), texts.text(locale, "report.action"),
                            texts.text(locale, "report.code"), texts.text(locale, "report.outcome"),
                            texts.text(locale, "report.message"), texts.text(locale, "report.event-id"),
                            texts.text(locale, "report.sequence"), texts.text(locale, "report.project-id"))
                    .widths(8, 14, 22, 22, 80, 38, 8, 38);
            for (RowOutcome row : run.outcomes()) {
                sheet.row(row.row(), row.action(), row.code(), texts.text(locale, "outcome." + row.outcome()),
                        row.message(), row.eventId(), row.sequence(), row.projectId());
            }
            sheet.end();
            book.write(out);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : CITY_TIME.format(instant);
    }
}
