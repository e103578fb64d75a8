package io.groundbreak.web.excel.reading;

import java.util.List;

/**
 * One worksheet as read: its name, its non-blank rows in order, and its merged ranges (e.g.
 * {@code B3:B5}), which the sheet stores after the rows.
 */
public record SheetContent(String sheetName, List<SheetRow> rows, List<String> mergedRanges) {

    public SheetContent {
        rows = List.copyOf(rows);
        mergedRanges = List.copyOf(mergedRanges);
    }
}
