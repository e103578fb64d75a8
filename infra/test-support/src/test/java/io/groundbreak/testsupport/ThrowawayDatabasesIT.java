package io.groundbreak.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each test class can have a database of its own, so runs and classes never see each other's rows. */
class ThrowawayDatabasesIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void twoThrowawayDatabasesAreSeparate() throws SQLException {
        TestDatabase first = infrastructure.newDatabase("funnel");
        TestDatabase second = infrastructure.newDatabase("funnel");

        assertThat(first.name()).startsWith("funnel_").isNotEqualTo(second.name());
        try (Connection a = connect(first); Statement statement = a.createStatement()) {
            statement.execute("CREATE TABLE projects (id text PRIMARY KEY)");
            statement.execute("INSERT INTO projects VALUES ('p-1')");
            assertThat(currentDatabase(a)).isEqualTo(first.name());
        }
        try (Connection b = connect(second); Statement statement = b.createStatement()) {
            assertThat(currentDatabase(b)).isEqualTo(second.name());
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM projects"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void springPropertiesPointAtANewDatabaseAndTheBroker() throws SQLException {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        infrastructure.registerSpringProperties(properties::put, "audit");

        TestDatabase database = new TestDatabase("?",
                (String) properties.get("spring.datasource.url").get(),
                (String) properties.get("spring.datasource.username").get(),
                (String) properties.get("spring.datasource.password").get());
        try (Connection connection = connect(database)) {
            assertThat(currentDatabase(connection)).startsWith("audit_");
        }
        assertThat(properties.get("spring.kafka.bootstrap-servers").get())
                .isEqualTo(properties.get("spring.cloud.stream.kafka.binder.brokers").get())
                .isEqualTo(infrastructure.kafkaBootstrapServers());
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_database()")) {
            result.next();
            return result.getString(1);
        }
    }
}
