package io.groundbreak.web.excel.importing;

/** A data row as judged before anything is sent: a write to make, a refusal, or an empty row. */
sealed interface ParsedRow permits RowWrite, RowRefusal, EmptyRow {

    /** The row's number in the sheet (1 is the header). */
    int row();
}
