package io.groundbreak.web.excel.importing;

/** The report of an import whose instance stopped before it finished: it will never finish. */
class ImportInterrupted extends RuntimeException {

    ImportInterrupted(String id) {
        super("import " + id + " was interrupted");
    }
}
