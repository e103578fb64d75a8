package io.groundbreak.web.excel.importing;

/** The report of an import that has not finished yet. */
class ImportStillRunning extends RuntimeException {

    ImportStillRunning(String id) {
        super("import " + id + " is still running");
    }
}
