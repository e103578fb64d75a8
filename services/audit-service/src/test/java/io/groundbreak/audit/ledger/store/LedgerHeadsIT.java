package io.groundbreak.audit.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projects' newest events come from their index in its order, however large the ledger: nothing is sorted. */
class LedgerHeadsIT extends AuditIT {

    @Autowired
    DataSource dataSource;

    @Test
    void theHeadsAreReadFromTheirIndexWithoutASort() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // as on a large ledger: on a test's small one the planner may as well sort what it read (a scan of the table
            // or of the unique index); with sorting priced out it takes a plan without one, if an index gives the order
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_sort = off");
            try (ResultSet lines = statement.executeQuery("EXPLAIN " + Ledger.HEADS)) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            } finally {
                statement.execute("RESET enable_seqscan");
                statement.execute("RESET enable_sort");
            }
        }

        assertThat(plan.toString()).contains("ledger_event_project_head").doesNotContain("Sort");
    }
}
