package io.groundbreak.events;

/** A record that cannot be read as a Groundbreak event: unknown type, missing header, bad body. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
