package io.groundbreak.web.excel.importing;

import java.util.List;

/** Row 1 of the sheet is not the template's header: which columns are missing, twice, or computed. */
class WrongHeaders extends RuntimeException {

    private final String sheet;
    private final List<CellProblem> problems;

    WrongHeaders(String sheet, List<CellProblem> problems) {
        super("row 1 of " + sheet + " is not the template's header: " + problems);
        this.sheet = sheet;
        this.problems = List.copyOf(problems);
    }

    String sheet() {
        return sheet;
    }

    List<CellProblem> problems() {
        return problems;
    }
}
