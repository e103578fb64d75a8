package io.groundbreak.milestone.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.milestone.ServiceTestBase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The publisher's read with gaps (Axon's JPA engine: {@code global_index > ? OR global_index IN (gaps) ORDER BY
 * global_index}, a page at a time) is planned for its values on every connection of the service's pool. PostgreSQL's
 * generic plan for it, chosen after five runs of a prepared statement, walks the whole primary key in order and
 * filters: 78 ms on 300,000 events, and it grows with the store (infra/bench/ANALYSIS.md, freshness).
 */
class PublisherReadPlanIT extends ServiceTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void theReadWithGapsIsPlannedForItsValues() throws SQLException {
        registerProject("120116");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    PREPARE read_with_gaps(bigint, bigint, bigint) AS SELECT global_index FROM domain_event_entry
                    WHERE global_index > $1 OR global_index IN ($2, $3) ORDER BY global_index LIMIT 100""");
            try {
                for (int run = 0; run < 6; run++) {
                    statement.execute("EXECUTE read_with_gaps(0, 1, 2)");
                }
                assertThat(plan(statement, "EXPLAIN EXECUTE read_with_gaps(0, 1, 2)"))
                        .as("a plan made for the values, not a generic one over parameters")
                        .noneMatch(line -> line.contains("$1"));
            } finally {
                statement.execute("DEALLOCATE read_with_gaps");
            }
        }
    }

    private static List<String> plan(Statement statement, String explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = statement.executeQuery(explain)) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        return lines;
    }
}
