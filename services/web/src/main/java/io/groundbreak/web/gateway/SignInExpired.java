package io.groundbreak.web.gateway;

/**
 * The user's session is alive but the provider no longer gives a token for it (logged out elsewhere, the refresh
 * token expired or revoked, the provider unreachable): the browser has to sign in again (401).
 */
public class SignInExpired extends RuntimeException {

    SignInExpired(String user, Exception cause) {
        super("no access token for " + user + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
