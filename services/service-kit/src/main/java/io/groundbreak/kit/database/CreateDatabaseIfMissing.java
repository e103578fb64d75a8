package io.groundbreak.kit.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Creates the service's own PostgreSQL database before anything connects to it, so that a fresh
 * server needs no manual step. Runs before the context exists: Flyway then owns everything inside.
 */
public class CreateDatabaseIfMissing implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !environment.getProperty("groundbreak.datasource.create-if-missing", Boolean.class, true)) {
            return;
        }
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            return;
        }
        String database = matcher.group(2);
        String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            if (!exists(connection, database)) {
                // the name matched [A-Za-z0-9_]+ above, so quoting it is safe
                connection.createStatement().execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: another instance created it meanwhile
                throw new IllegalStateException("cannot create database " + database + " at " + maintenanceUrl, e);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
