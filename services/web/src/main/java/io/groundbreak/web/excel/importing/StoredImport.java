package io.groundbreak.web.excel.importing;

/**
 * A row of {@code import_run} as read: whose, in which language, whether its instance stopped before it
 * finished, its status as JSON, and its report workbook once finished.
 */
record StoredImport(String userName, String locale, boolean interrupted, String status, byte[] report) {
}
