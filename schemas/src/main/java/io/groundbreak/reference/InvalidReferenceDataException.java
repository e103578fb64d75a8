package io.groundbreak.reference;

/** A reference data file is missing or wrong; the message names the file, line and column. */
public class InvalidReferenceDataException extends RuntimeException {

    public InvalidReferenceDataException(String message) {
        super(message);
    }

    public InvalidReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
