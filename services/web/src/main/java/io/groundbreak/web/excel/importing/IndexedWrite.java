package io.groundbreak.web.excel.importing;

/** A row's write with its place among the data rows (for its report slot) and its Idempotency-Key. */
record IndexedWrite(int index, RowWrite write, String idempotencyKey) {
}
