package io.groundbreak.web.excel;

import io.groundbreak.web.excel.importing.ImportColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real .xlsx files written with POI, the way Excel stores what a user typed: text, numbers, dates as
 * date-formatted numbers, formulas (with their cached results), merged ranges.
 */
public final class Sheets {

    /** The template's header row, in Chinese. */
    public static List<Object> header() {
        return new ArrayList<>(Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList());
    }

    /** A data row in the template's column order: pass one value per column up to the last filled one. */
    public static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** Writes a workbook with one sheet named {@code sheet} holding these rows (row 1 first; null rows stay blank). */
    public static Path write(Path folder, String fileName, String sheet, List<List<Object>> rows,
                             CellRangeAddress... merged) throws IOException {
        Path file = folder.resolve(fileName);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(book, book.createSheet(sheet), rows);
            Sheet first = book.getSheet(sheet);
            for (CellRangeAddress range : merged) {
                first.addMergedRegion(range);
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
        }
        return file;
    }

    public static void fill(Workbook book, Sheet sheet, List<List<Object>> rows) {
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r);
            if (values == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof Formula formula) {
                    cell.setCellFormula(formula.text());
                } else if (value instanceof Serial serial) {
                    cell.setCellValue(serial.value());
                } else if (value instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }

    private Sheets() {
    }
}
