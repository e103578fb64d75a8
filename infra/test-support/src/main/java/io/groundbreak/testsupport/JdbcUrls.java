package io.groundbreak.testsupport;

/** Rewrites the database part of a PostgreSQL JDBC URL, keeping hosts and parameters. */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    /**
     * {@code withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true", "x")} is
     * {@code jdbc:postgresql://db:5432/x?ssl=true}; a URL without a database gets one.
     */
    static String withDatabase(String serverUrl, String database) {
        if (!serverUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + serverUrl);
        }
        String rest = serverUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query >= 0 ? rest.substring(query) : "";
        String authority = query >= 0 ? rest.substring(0, query) : rest;
        int slash = authority.indexOf('/');
        String hosts = slash >= 0 ? authority.substring(0, slash) : authority;
        return PREFIX + hosts + "/" + database + parameters;
    }
}
