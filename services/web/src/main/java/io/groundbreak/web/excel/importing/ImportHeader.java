package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.reading.SheetCell;
import io.groundbreak.web.excel.reading.SheetRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each template column is in an uploaded sheet: row 1 must name every column of the template (in
 * Chinese, or in English), in any order, but the optional ones (schema 1.1's, which an older template lacks);
 * columns with other headers are left alone, so an office may keep its own notes beside the template's columns.
 */
final class ImportHeader {

    private final Map<ImportColumn, Integer> columns;

    private ImportHeader(Map<ImportColumn, Integer> columns) {
        this.columns = columns;
    }

    /** @param first the sheet's first non-blank row, or null when it has none */
    static ImportHeader of(String sheet, SheetRow first, ExcelTexts texts, Locale locale) {
        List<CellProblem> problems = new ArrayList<>();
        Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> foundAt = new EnumMap<>(ImportColumn.class);
        if (first != null && first.number() == 1) {
            for (SheetCell cell : first.cells()) {
                if (cell.isFormula()) {
                    problems.add(new CellProblem(null, cell.reference(), null, texts.text(locale, "file.header-formula")));
                    continue;
                }
                String header = ImportColumn.normalized(cell.shown());
                for (ImportColumn column : ImportColumn.values()) {
                    if (header.equals(ImportColumn.normalized(column.chinese()))
                            || header.equals(ImportColumn.normalized(column.english()))) {
                        if (found.containsKey(column)) {
                            problems.add(new CellProblem(column.header(locale), cell.reference(), column.field(),
                                    texts.text(locale, "file.header-twice", column.header(locale),
                                            foundAt.get(column) + ", " + cell.reference())));
                        } else {
                            found.put(column, cell.column());
                            foundAt.put(column, cell.reference());
                        }
                    }
                }
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (!found.containsKey(column) && !column.optional()) {
                problems.add(new CellProblem(column.header(locale), null, column.field(),
                        texts.text(locale, "file.header-missing", column.header(locale))));
            }
        }
        if (!problems.isEmpty()) {
            throw new WrongHeaders(sheet, problems);
        }
        return new ImportHeader(found);
    }

    /** The column's index in the sheet, or -1 for an optional column the sheet does not have (no row has a cell there). */
    int indexOf(ImportColumn column) {
        return columns.getOrDefault(column, -1);
    }
}
