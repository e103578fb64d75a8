package io.groundbreak.web.excel.importing;

import java.util.List;

/** The sheet has merged cells: a merged value belongs to one row only, so the others would be read empty. */
class MergedCells extends RuntimeException {

    private final String sheet;
    private final List<String> ranges;

    MergedCells(String sheet, List<String> ranges) {
        super(sheet + " has merged cells " + ranges);
        this.sheet = sheet;
        this.ranges = List.copyOf(ranges);
    }

    String sheet() {
        return sheet;
    }

    List<String> ranges() {
        return ranges;
    }
}
