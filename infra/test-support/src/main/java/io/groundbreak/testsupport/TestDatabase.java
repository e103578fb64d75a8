package io.groundbreak.testsupport;

/**
 * A throwaway database, created for one test class (or one test) and dropped when the JVM exits.
 *
 * @param name     the database name, e.g. {@code funnel_3f9a1c2b}
 * @param jdbcUrl  a JDBC URL pointing at it
 * @param username user to connect with (owner of the database)
 * @param password its password (empty for trust authentication)
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        // never print the password
        return "TestDatabase[" + name + " at " + jdbcUrl + " as " + username + "]";
    }
}
