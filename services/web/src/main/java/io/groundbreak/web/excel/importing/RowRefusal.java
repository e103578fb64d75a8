package io.groundbreak.web.excel.importing;

import java.util.List;

/** A row refused before sending, with every problem found in it; action and code when they could be read. */
record RowRefusal(int row, ImportAction action, String code, List<CellProblem> problems) implements ParsedRow {
}
