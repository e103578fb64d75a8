package io.groundbreak.web.excel.writing;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One sheet written top to bottom: a title, the notes that say what the sheet shows (filters, who, when),
 * then a table whose header row is frozen and filterable.
 */
public final class SheetWriter {

    private final StreamingWorkbook book;
    private final SXSSFSheet sheet;
    private int next;
    private int headerRow = -1;
    private int columns;

    SheetWriter(StreamingWorkbook book, SXSSFSheet sheet) {
        this.book = book;
        this.sheet = sheet;
    }

    public SheetWriter title(String text) {
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(book.title);
        return this;
    }

    /** A line "label: value" above the table, e.g. a filter. */
    public SheetWriter note(String label, String value) {
        Row row = sheet.createRow(next++);
        Cell name = row.createCell(0);
        name.setCellValue(label);
        name.setCellStyle(book.label);
        row.createCell(1).setCellValue(value == null ? "" : value);
        return this;
    }

    public SheetWriter blank() {
        next++;
        return this;
    }

    public SheetWriter header(String... names) {
        Row row = sheet.createRow(next);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(book.header);
        }
        headerRow = next++;
        columns = names.length;
        sheet.createFreezePane(0, next);
        return this;
    }

    /**
     * Strings as text, whole numbers, {@link Amount}s in 万元, {@link Percent}s, other numbers with one decimal,
     * dates, logical values, {@link AsStored} numbers unformatted; null leaves the cell empty.
     */
    public SheetWriter row(Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Amount amount) {
                cell.setCellValue(amount.wan());
                cell.setCellStyle(book.amount);
            } else if (value instanceof Percent percent) {
                cell.setCellValue(percent.rate());
                cell.setCellStyle(book.percent);
            } else if (value instanceof Long || value instanceof Integer) {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(book.whole);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(book.decimal);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(book.date);
            } else if (value instanceof Boolean logical) {
                cell.setCellValue(logical);
            } else if (value instanceof AsStored number) {
                cell.setCellValue(number.value());
            } else {
                cell.setCellValue(value.toString());
            }
        }
        return this;
    }

    /** Column widths in characters (a Chinese character counts two). */
    public SheetWriter widths(int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, characters[i]) * 256);
        }
        return this;
    }

    /** Ends the table: an auto-filter over its header and rows. */
    public void end() {
        if (headerRow >= 0 && columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1));
        }
    }
}
