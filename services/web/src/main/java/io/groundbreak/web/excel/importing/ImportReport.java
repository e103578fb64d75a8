package io.groundbreak.web.excel.importing;

import java.util.Locale;

/** A finished import's report workbook as stored, with what its download is named after. */
record ImportReport(String fileName, Locale locale, byte[] workbook) {
}
