package io.groundbreak.testsupport.yardstick;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * How fast audit-service's ledger can be verified at best: every {@code ledger_event} row read with a cursor in
 * project and sequence order, 1,000 rows a fetch, each row's fields hashed with SHA-256, on one thread. The one
 * yardstick for the bench's {@code raw.scan-and-hash} and for what the verification's speed is compared with.
 */
public record LedgerScanAndHash(long rows, double seconds, long cpuNanos, String lastDigest) {

    /** Scans over an open connection (as a service's pool has one), in a read-only transaction. */
    public static LedgerScanAndHash over(Connection connection) throws SQLException {
        MessageDigest sha256 = sha256();
        long rows = 0;
        String last = "";
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        long begin = System.nanoTime();
        long cpuBegin = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            try (ResultSet row = statement.executeQuery("""
                    SELECT event_id, event_type, project_id, sequence, recorded_at, recorded_by, prev_hash, hash,
                           district, data FROM ledger_event ORDER BY project_id, sequence""")) {
                while (row.next()) {
                    for (int column = 1; column <= 10; column++) {
                        sha256.update(row.getString(column).getBytes(StandardCharsets.UTF_8));
                    }
                    last = HexFormat.of().formatHex(sha256.digest());
                    rows++;
                }
            }
        }
        connection.commit();
        return new LedgerScanAndHash(rows, (System.nanoTime() - begin) / 1e9,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBegin, last);
    }

    public double rowsPerSecond() {
        return rows / seconds;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
