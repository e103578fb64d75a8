package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.reading.SheetRow;

/** A refused row as it was read, with its outcome: what the report's sheet to fix is made of. */
record Refused(SheetRow row, RowOutcome outcome) {
}
