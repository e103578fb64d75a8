package io.groundbreak.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Real PostgreSQL and Kafka for the integration tests of one JVM, chosen and started once
 * ({@link InfrastructureChoice} says in which order) and torn down when the JVM exits.
 *
 * <p>Typical use in a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.get().registerSpringProperties(registry, "funnel");
 * }
 * }</pre>
 *
 * <p>PostgreSQL and Kafka are each started on first use, so a test that needs only a database never
 * waits for a broker.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** Marks our throwaway databases (as their comment) so that leftovers of killed runs can be found. */
    static final String DATABASE_MARK = "groundbreak-test-support created ";
    /** Leftovers older than this, from runs that could not clean up (kill -9), are dropped at start. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(12);
    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static TestInfrastructure instance;
    private static RuntimeException startFailure;

    private final InfrastructureChoice choice;
    private final Map<String, String> env;
    private final Supplier<PostgresServer> postgres = Lazy.of(this::startPostgres);
    private final Supplier<KafkaBroker> kafka = Lazy.of(this::startKafka);
    private final Supplier<IdentityProvider> identityProvider = Lazy.of(this::startIdentityProvider);
    private final List<String> createdDatabases = new ArrayList<>();
    /** Closed in reverse order at JVM exit. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();

    private TestInfrastructure(InfrastructureChoice choice, Map<String, String> env) {
        this.choice = choice;
        this.env = env;
    }

    /** The JVM's infrastructure; the first call chooses it and logs the choice. */
    public static synchronized TestInfrastructure get() {
        if (startFailure != null) {
            // don't retry (slowly) for every test class: report the first failure again
            throw new IllegalStateException("Test infrastructure failed to start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                long begin = System.nanoTime();
                Map<String, String> env = System.getenv();
                InfrastructureChoice choice = InfrastructureChoice.choose(env,
                        TestInfrastructure::dockerAnswers, TestInfrastructure::localPostgresAnswers);
                log.info("Groundbreak test infrastructure: PostgreSQL from {}, Kafka from {}, Keycloak from {} ({}; chosen in {} ms)",
                        choice.postgres(), choice.kafka(), choice.identity(), choice.reason(),
                        Duration.ofNanos(System.nanoTime() - begin).toMillis());
                TestInfrastructure created = new TestInfrastructure(choice, env);
                Runtime.getRuntime().addShutdownHook(new Thread(created::shutdown, "groundbreak-test-infrastructure-shutdown"));
                instance = created;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    public InfrastructureChoice choice() {
        return choice;
    }

    /** {@code host:port} of the broker (starts it on first use). */
    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The broker; {@link KafkaBroker#stop()} and {@link KafkaBroker#start()} keep its address. */
    public KafkaBroker kafka() {
        return kafka.get();
    }

    /**
     * Keycloak with the realm {@code groundbreak} (and {@code elsewhere} on first use): started on first use, once per
     * JVM (~30 s on a quiet machine: 20 s for the server, 5 s for the realm).
     */
    public IdentityProvider identityProvider() {
        return identityProvider.get();
    }

    /**
     * Creates a fresh, empty database named {@code <prefix>_<random>} now; it is dropped when the JVM exits.
     */
    public TestDatabase newDatabase(String prefix) {
        PostgresServer server = postgres.get();
        String name = databaseName(prefix, HexFormat.of().formatHex(randomBytes()));
        try (Connection connection = server.connectAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quote(name));
            statement.execute("COMMENT ON DATABASE " + quote(name) + " IS '" + DATABASE_MARK + Instant.now().getEpochSecond() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + server.description(), e);
        }
        synchronized (createdDatabases) {
            createdDatabases.add(name);
        }
        return new TestDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    /**
     * Points a Spring test context at a new throwaway database ({@code spring.datasource.*}) and at the
     * broker ({@code spring.kafka.bootstrap-servers}, {@code spring.cloud.stream.kafka.binder.brokers}).
     */
    public void registerSpringProperties(DynamicPropertyRegistry registry, String databasePrefix) {
        TestDatabase database = newDatabase(databasePrefix);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", this::kafkaBootstrapServers);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code prefix} made a safe unquoted-looking identifier, plus a random suffix; at most 63 bytes. */
    static String databaseName(String prefix, String suffix) {
        String safe = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (safe.isEmpty() || !Character.isLetter(safe.charAt(0))) {
            safe = "t_" + safe;
        }
        if (safe.length() > 40) {
            safe = safe.substring(0, 40);
        }
        return safe + "_" + suffix;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    // --- PostgreSQL --------------------------------------------------------------------------------

    private PostgresServer startPostgres() {
        PostgresServer server = switch (choice.postgres()) {
            case ENVIRONMENT -> new PostgresServer(env.get(InfrastructureChoice.DB_URL),
                    env.getOrDefault(InfrastructureChoice.DB_USER, "postgres"),
                    env.getOrDefault(InfrastructureChoice.DB_PASSWORD, ""),
                    "server from " + InfrastructureChoice.DB_URL, true);
            case TESTCONTAINERS -> startPostgresContainer();
            case LOCAL_SERVER -> new PostgresServer(LOCAL_URL, "postgres", "", "local server 127.0.0.1:5432", true);
            case EMBEDDED -> startEmbeddedPostgres();
        };
        if (server.shared()) {
            dropLeftovers(server);
        }
        log.info("PostgreSQL for tests: {}", server.description());
        return server;
    }

    private PostgresServer startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
        container.start();
        register(container::stop);
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers " + container.getDockerImageName(), false);
    }

    private PostgresServer startEmbeddedPostgres() {
        try {
            EmbeddedPostgres embedded = startEmbedded(null, 0);
            register(embedded);
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "",
                    "embedded PostgreSQL on 127.0.0.1:" + embedded.getPort(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    /**
     * Starts zonky's embedded PostgreSQL, listening on 127.0.0.1 only.
     *
     * @param dataDirectory null for a temporary one, deleted on close
     * @param port          0 for a free one
     */
    static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Drops throwaway databases of earlier runs that were killed before they could drop their own. */
    private static void dropLeftovers(PostgresServer server) {
        long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = server.connectAdmin();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE ?")) {
            query.setString(1, DATABASE_MARK + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String created = rows.getString(2).substring(DATABASE_MARK.length()).strip();
                    if (created.matches("\\d+") && Long.parseLong(created) < cutoff) {
                        leftovers.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Could not look for leftover test databases on {}: {}", server.description(), e.getMessage());
            return;
        }
        if (!leftovers.isEmpty()) {
            log.info("Dropping {} leftover test database(s) older than {}", leftovers.size(), LEFTOVER_AGE);
            dropDatabases(server, leftovers);
        }
    }

    private static void dropDatabases(PostgresServer server, List<String> names) {
        try (Connection connection = server.connectAdmin()) {
            for (String name : names) {
                try (PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()");
                     Statement drop = connection.createStatement()) {
                    // connection pools of Spring contexts closing at the same time may still hold connections
                    terminate.setString(1, name);
                    terminate.execute();
                    drop.execute("DROP DATABASE IF EXISTS " + quote(name));
                } catch (SQLException e) {
                    log.warn("Could not drop test database {}: {}", name, e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("Could not drop test databases on {}: {}", server.description(), e.getMessage());
        }
    }

    // --- Kafka -------------------------------------------------------------------------------------

    private KafkaBroker startKafka() {
        KafkaBroker broker = switch (choice.kafka()) {
            case ENVIRONMENT -> new ExternalKafkaBroker(env.get(InfrastructureChoice.KAFKA_BOOTSTRAP).strip());
            case TESTCONTAINERS -> {
                ContainerKafkaBroker container = ContainerKafkaBroker.startNew();
                register(container);
                yield container;
            }
            case CHILD_PROCESS -> {
                try {
                    ChildProcessKafkaBroker child = ChildProcessKafkaBroker.startNew(Files.createTempDirectory("groundbreak-kafka-"));
                    register(child);
                    yield child;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        log.info("Kafka for tests: {} ({})", broker.bootstrapServers(), choice.kafka());
        return broker;
    }

    // --- Keycloak ----------------------------------------------------------------------------------

    private IdentityProvider startIdentityProvider() {
        URI baseUrl = switch (choice.identity()) {
            case TESTCONTAINERS -> {
                ContainerKeycloak container = ContainerKeycloak.startNew();
                register(container);
                yield container.baseUrl();
            }
            case CHILD_PROCESS -> {
                ChildProcessKeycloak child = ChildProcessKeycloak.startNew(newDatabase("keycloak"));
                register(child);
                yield child.baseUrl();
            }
        };
        IdentityProvider provider = IdentityProvider.onServer(baseUrl);
        log.info("Keycloak for tests: issuer {} ({})", provider.issuer(), choice.identity());
        return provider;
    }

    // --- probes and teardown -----------------------------------------------------------------------

    /**
     * Asks Testcontainers whether a Docker engine answers, in a daemon thread with a deadline: its
     * strategies can take a while on a machine with a Docker client but no engine, and must never hang
     * a test run.
     */
    static boolean dockerAnswers() {
        FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(probe, "groundbreak-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(DOCKER_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("No answer from Docker within {}; taking the local infrastructure", DOCKER_PROBE_TIMEOUT);
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            thread.interrupt();
        }
    }

    /** Whether the server on 127.0.0.1:5432 lets user postgres in without a password (the machine's default). */
    static boolean localPostgresAnswers() {
        if (!ChildProcessKafkaBroker.portAnswers("127.0.0.1", 5432)) {
            return false;
        }
        try (Connection ignored = new PostgresServer(LOCAL_URL, "postgres", "", "local", true).connectAdmin()) {
            return true;
        } catch (SQLException e) {
            log.warn("Something answers on 127.0.0.1:5432 but user postgres cannot log in ({}); using an embedded PostgreSQL",
                    e.getMessage());
            return false;
        }
    }

    private void register(AutoCloseable resource) {
        synchronized (resources) {
            resources.push(resource);
        }
    }

    private void shutdown() {
        PostgresServer server = Lazy.valueIfComputed(postgres);
        if (server != null && server.shared()) {
            List<String> names;
            synchronized (createdDatabases) {
                names = List.copyOf(createdDatabases);
            }
            dropDatabases(server, names);
        }
        synchronized (resources) {
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception e) {
                    log.warn("Could not stop test infrastructure: {}", e.toString());
                }
            }
        }
    }

    /** A memoizing supplier, so that each piece of infrastructure starts on first use and only once. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        private Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        static <T> Supplier<T> of(Supplier<T> factory) {
            return new Lazy<>(factory);
        }

        @SuppressWarnings("unchecked")
        static <T> T valueIfComputed(Supplier<T> supplier) {
            Lazy<T> lazy = (Lazy<T>) supplier;
            synchronized (lazy) {
                return lazy.value;
            }
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }
}
