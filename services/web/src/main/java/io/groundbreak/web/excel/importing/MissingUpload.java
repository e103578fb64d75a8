package io.groundbreak.web.excel.importing;

/** An import request without a file in its form field {@code file}. */
class MissingUpload extends RuntimeException {

    MissingUpload() {
        super("no file in the form field 'file'");
    }
}
