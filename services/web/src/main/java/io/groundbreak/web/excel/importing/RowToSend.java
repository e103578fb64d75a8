package io.groundbreak.web.excel.importing;

/** A row's write as it is sent: the write, the project it acts on and its Idempotency-Key. */
record RowToSend(RowWrite write, String projectId, String idempotencyKey) {
}
