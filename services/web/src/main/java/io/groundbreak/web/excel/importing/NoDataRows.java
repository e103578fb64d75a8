package io.groundbreak.web.excel.importing;

/** A sheet with its header and nothing below it. */
class NoDataRows extends RuntimeException {

    private final String sheet;

    NoDataRows(String sheet) {
        super(sheet + " has no data rows");
        this.sheet = sheet;
    }

    String sheet() {
        return sheet;
    }
}
