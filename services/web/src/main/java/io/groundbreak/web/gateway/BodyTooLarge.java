package io.groundbreak.web.gateway;

/** A request body larger than any request of the API could be. */
class BodyTooLarge extends RuntimeException {

    BodyTooLarge(int limit) {
        super("a request body may have at most " + limit + " bytes");
    }
}
