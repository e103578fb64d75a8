package io.groundbreak.web.excel.reading;

import java.util.List;
import java.util.Optional;

/** A row with at least one non-blank cell: its 1-based number and its cells, by column. */
public record SheetRow(int number, List<SheetCell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public Optional<SheetCell> cell(int column) {
        return cells.stream().filter(cell -> cell.column() == column).findFirst();
    }
}
