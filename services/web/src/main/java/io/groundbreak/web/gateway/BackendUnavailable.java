package io.groundbreak.web.gateway;

/** A service did not answer: the web app says so with 503 instead of pretending to be broken itself. */
public class BackendUnavailable extends RuntimeException {

    private final Backend backend;

    BackendUnavailable(Backend backend, Exception cause) {
        super(backend + " did not answer: " + cause, cause);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}
