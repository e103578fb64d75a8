package io.groundbreak.web.excel.export;

/**
 * A service refused a read an export needs (its role or district rules, a bad filter): the export
 * answers with the service's own status and problem+json instead of a workbook.
 */
public class ServiceRefused extends RuntimeException {

    private final int status;
    private final String contentType;
    private final byte[] body;

    ServiceRefused(int status, String contentType, byte[] body) {
        super("a service refused the export's read with " + status);
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }
}
