package io.groundbreak.web.excel.reading;

import java.time.LocalDateTime;
import org.apache.poi.ss.util.CellReference;

/**
 * One non-blank cell. {@code raw} is the value as stored (a number exactly as written in the file, never
 * re-rounded through a double); {@code shown} is what Excel displays (numbers and dates through the
 * cell's format); {@code date} is set for a date-formatted number; {@code formula} is the formula's text
 * when the cell is computed (its cached result is then in raw/shown), else null.
 */
public record SheetCell(int row, int column, CellKind kind, String raw, String shown, LocalDateTime date,
                        String formula) {

    /** A1-style reference, e.g. {@code J7}. */
    public String reference() {
        return CellReference.convertNumToColString(column) + row;
    }

    public boolean isFormula() {
        return formula != null;
    }
}
