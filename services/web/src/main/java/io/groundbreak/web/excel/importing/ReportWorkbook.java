package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.reading.SheetCell;
import io.groundbreak.web.excel.writing.AsStored;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An import's report as a workbook: what was imported by whom and when, then one line per row; and the
 * refused rows in the template's form, to be corrected and uploaded again.
 */
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
                            counts.refused(), counts.skipped(), counts.unconfirmed(), counts.submitted()))
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
            toFix(run, texts, book);
            book.write(out);
        }
    }

    /**
     * The refused rows again, as the template's sheet 导入数据 with the reason beside each: corrected there,
     * this workbook can be uploaded as it is (the extra columns are left alone), so that only the rows
     * that were not recorded are sent again. Rows not confirmed are not here: they go again with the
     * same file, whose keys record nothing twice.
     */
    private static void toFix(ImportRun run, ExcelTexts texts, StreamingWorkbook book) {
        List<Refused> refused = run.refused();
        if (refused.isEmpty()) {
            return;
        }
        List<String> headers = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            headers.add(column.chinese());
        }
        headers.add(texts.text(run.locale(), "report.original-row"));
        headers.add(texts.text(run.locale(), "report.refused-because"));
        SheetWriter sheet = book.sheet(Importer.DATA_SHEET).header(headers.toArray(String[]::new))
                .widths(12, 20, 24, 10, 14, 18, 14, 14, 8, 12, 12, 10, 14, 24, 10, 80);
        for (Refused row : refused) {
            List<Object> values = new ArrayList<>();
            for (ImportColumn column : ImportColumn.values()) {
                values.add(row.row().cell(run.header().indexOf(column)).map(ReportWorkbook::asTyped).orElse(null));
            }
            values.add(row.row().number());
            values.add(row.outcome().message());
            sheet.row(values.toArray());
        }
        sheet.end();
    }

    /** A cell as the user typed it: a date stays a date, a number a number, a formula shows as its text. */
    private static Object asTyped(SheetCell cell) {
        if (cell.isFormula()) {
            return "=" + cell.formula();
        }
        return switch (cell.kind()) {
            case DATE -> cell.date().toLocalDate();
            case NUMBER -> new AsStored(Double.parseDouble(cell.raw()));
            case BOOLEAN -> Boolean.valueOf(cell.raw().equals("TRUE"));
            default -> cell.raw();
        };
    }

    private static String time(Instant instant) {
        return instant == null ? "" : CITY_TIME.format(instant);
    }
}
