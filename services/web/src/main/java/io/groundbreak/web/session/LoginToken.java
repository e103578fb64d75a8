package io.groundbreak.web.session;

/** The CSRF parameter the login form posts. */
record LoginToken(String parameterName, String token) {
}
