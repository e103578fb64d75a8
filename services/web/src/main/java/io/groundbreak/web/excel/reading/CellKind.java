package io.groundbreak.web.excel.reading;

/** What a cell holds, as the sheet stores it (a date is a number with a date format). */
public enum CellKind {
    TEXT, NUMBER, DATE, BOOLEAN, ERROR
}
