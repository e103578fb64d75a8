package io.groundbreak.web.excel.importing;

/** A service the import needs before it starts (funnel-service, for the district's project codes) did not answer. */
class ServicesUnavailable extends RuntimeException {

    ServicesUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
