package io.groundbreak.web.excel.importing;

/** No import of this id for this user (never was, another user's, or its report is no longer kept). */
class UnknownImport extends RuntimeException {

    UnknownImport(String id) {
        super("no import " + id);
    }
}
