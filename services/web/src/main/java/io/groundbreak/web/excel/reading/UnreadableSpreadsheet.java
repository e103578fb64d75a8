package io.groundbreak.web.excel.reading;

/** An upload that is no readable .xlsx workbook; {@link #reason()} says what it is instead. */
public class UnreadableSpreadsheet extends Exception {

    /** What was found instead of a workbook. */
    public enum Reason {
        /** Not a zip/OOXML file at all (a CSV, a PDF, a picture, an empty file). */
        NOT_XLSX,
        /** An Excel 97–2003 .xls file (or another OLE2 document). */
        LEGACY_XLS,
        /** A password-protected workbook (stored as an encrypted OLE2 container). */
        ENCRYPTED,
        /** A zip, but not a spreadsheet, or a damaged one. */
        DAMAGED,
        /** A workbook without any worksheet. */
        NO_SHEET,
        /** More data rows than one upload may carry. */
        TOO_MANY_ROWS
    }

    private final Reason reason;

    public UnreadableSpreadsheet(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
