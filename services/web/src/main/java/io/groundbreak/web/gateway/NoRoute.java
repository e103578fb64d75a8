package io.groundbreak.web.gateway;

import org.springframework.http.HttpMethod;

/** A path or method that no service of the contract answers. */
class NoRoute extends RuntimeException {

    NoRoute(HttpMethod method, String path) {
        super("no service answers " + method + " " + path);
    }
}
