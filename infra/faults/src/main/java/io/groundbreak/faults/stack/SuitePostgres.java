package io.groundbreak.faults.stack;

import io.groundbreak.testsupport.net.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's own PostgreSQL (zonky's embedded binaries, which run even as root), data in a folder of the run,
 * on a free port: never the machine's shared server, since the faults restart it in immediate mode and make it
 * read-only. Commits are synchronous (zonky turns {@code synchronous_commit} off by default, which would let an
 * immediate shutdown lose acknowledged commits and blame the services for it).
 */
public final class SuitePostgres implements AutoCloseable {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final Path log;

    private SuitePostgres(EmbeddedPostgres embedded, Path dataDirectory, Path log) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    public static SuitePostgres start(Path home) {
        Path data = home.resolve("data").toAbsolutePath();
        try {
            Files.createDirectories(data);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setPort(FreePorts.take(1)[0])
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
            return new SuitePostgres(embedded, data, home.resolve("postgres-restarts.log").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the suite's PostgreSQL", e);
        }
    }

    public int port() {
        return embedded.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("ApplicationName", "groundbreak-faults");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    public void createDatabases(List<String> names) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the databases " + names, e);
        }
    }

    /**
     * {@code pg_ctl stop -m immediate} (every server process quits at once, no checkpoint: a crash as far as
     * the data is concerned), {@code down} of nothing, then a start with the same options: crash recovery.
     */
    public void restartImmediately(Duration down) {
        List<String> options = postmasterOptions();
        pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "60"));
        ServiceJvm.pause(down);
        pgCtl(List.of("start", "-D", dataDirectory.toString(), "-w", "-t", "180", "-l", log.toString(),
                "-o", String.join(" ", options)));
    }

    /**
     * Every new transaction read-only ({@code ALTER SYSTEM SET default_transaction_read_only}, reloaded) and
     * every other connection terminated, so that the services' pools reconnect into read-only sessions.
     */
    public void refuseWrites() {
        execute("ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
        ServiceJvm.pause(Duration.ofMillis(500)); // the reload reaches every backend
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND backend_type = 'client backend'");
    }

    public void acceptWrites() {
        execute("ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");
    }

    private void execute(String... statements) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off"); // this session writes whatever the server says
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused " + List.of(statements), e);
        }
    }

    /** The server's options as the running postmaster got them (postmaster.opts), minus the binary and -D. */
    private List<String> postmasterOptions() {
        try {
            String line = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
            List<String> arguments = new ArrayList<>();
            // the binary comes first, unquoted; then each argument in double quotes
            Matcher quoted = QUOTED.matcher(line.startsWith("\"") ? line.substring(line.indexOf('"', 1) + 1) : line);
            while (quoted.find()) {
                arguments.add(quoted.group(1));
            }
            List<String> options = new ArrayList<>();
            for (int i = 0; i < arguments.size(); i++) {
                if (arguments.get(i).equals("-D")) {
                    i++;
                    continue;
                }
                options.add("'" + arguments.get(i) + "'");
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read postmaster.opts", e);
        }
    }

    private void pgCtl(List<String> arguments) {
        Path pgCtl = binaries().resolve("pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses root: run it in a user namespace of its own, as zonky itself does (unshare -U)
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments.get(0) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The folder of the running postmaster's binary (zonky unpacks them under the temp folder). */
    private Path binaries() {
        try {
            String postmaster = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
            String binary = postmaster.startsWith("\"") ? postmaster.substring(1, postmaster.indexOf('"', 1))
                    : postmaster.split("\\s+")[0];
            return Path.of(binary).getParent();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find PostgreSQL's binaries", e);
        }
    }

    /** Waits until PostgreSQL accepts a connection again. */
    public void awaitAnswering(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL does not answer after " + atMost, e);
                }
                ServiceJvm.pause(Duration.ofMillis(250));
            }
        }
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
