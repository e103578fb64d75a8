package io.groundbreak.web.excel.importing;

/** A row with nothing in the template's columns, between the header and the last data row. */
record EmptyRow(int row) implements ParsedRow {
}
