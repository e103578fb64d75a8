package io.groundbreak.web.excel.importing;

/** Only a district office imports, and only for its own district. */
class ImportForbidden extends RuntimeException {

    ImportForbidden(String user) {
        super(user + " is no district office and cannot import");
    }
}
