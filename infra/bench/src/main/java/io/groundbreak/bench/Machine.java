package io.groundbreak.bench;

import io.groundbreak.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the figures were measured on: they mean little without it. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(TestDatabase database) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstMatching(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", firstMatching(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("kafka", AppInfoParser.getVersion() + " (clients and broker)");
        try (Connection connection = GroundbreakSystem.connect(database); Statement statement = connection.createStatement()) {
            machine.put("postgresql", single(statement, "SELECT version()"));
            machine.put("postgresqlSettings", "shared_buffers=" + single(statement, "SHOW shared_buffers")
                    + ", synchronous_commit=" + single(statement, "SHOW synchronous_commit")
                    + ", fsync=" + single(statement, "SHOW fsync")
                    + ", max_wal_size=" + single(statement, "SHOW max_wal_size"));
        } catch (SQLException e) {
            machine.put("postgresql", "unknown: " + e.getMessage());
        }
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double oneMinuteLoad() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Percentage of the last 10 s in which some runnable task waited for a CPU (Linux PSI); NaN if unknown. */
    static double cpuPressure() {
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
            for (String field : some.split("\\s+")) {
                if (field.startsWith("avg10=")) {
                    return Double.parseDouble(field.substring("avg10=".length()));
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String firstMatching(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
