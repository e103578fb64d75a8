package io.groundbreak.testsupport;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL and which Kafka the integration tests of this JVM use, and why. Pure: the caller
 * supplies the environment and the two probes, so the order of preference is unit-tested without any
 * infrastructure.
 *
 * <p>PostgreSQL: {@value #DB_URL} (plus {@value #DB_USER} / {@value #DB_PASSWORD}) when set, else
 * Testcontainers when a Docker engine answers, else the server on 127.0.0.1:5432, else an embedded one.
 * Kafka: {@value #KAFKA_BOOTSTRAP} when set, else Testcontainers when a Docker engine answers, else a
 * child-process broker. Keycloak: Testcontainers when a Docker engine answers, else a child process (from
 * infra/keycloak's distribution). {@value #USE_DOCKER}{@code =false} skips Testcontainers even where Docker answers.
 *
 * @param postgres   where PostgreSQL comes from
 * @param kafka      where Kafka comes from
 * @param identity   where Keycloak comes from
 * @param reason     one line saying why, for the log
 */
public record InfrastructureChoice(PostgresSource postgres, KafkaSource kafka, IdentitySource identity,
                                   String reason) {

    public static final String DB_URL = "GROUNDBREAK_TEST_DB_URL";
    public static final String DB_USER = "GROUNDBREAK_TEST_DB_USER";
    public static final String DB_PASSWORD = "GROUNDBREAK_TEST_DB_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "GROUNDBREAK_TEST_KAFKA_BOOTSTRAP";
    public static final String USE_DOCKER = "GROUNDBREAK_TEST_USE_DOCKER";

    public enum PostgresSource { ENVIRONMENT, TESTCONTAINERS, LOCAL_SERVER, EMBEDDED }

    public enum KafkaSource { ENVIRONMENT, TESTCONTAINERS, CHILD_PROCESS }

    public enum IdentitySource { TESTCONTAINERS, CHILD_PROCESS }

    /**
     * @param env                   the environment (usually {@code System.getenv()})
     * @param dockerAnswers         asked at most once, and only when an environment variable does not decide
     *                              both (asking Docker can take a moment)
     * @param localPostgresAnswers  whether a PostgreSQL server answers on 127.0.0.1:5432; asked at most once,
     *                              and only when neither the environment nor Docker decides
     */
    public static InfrastructureChoice choose(Map<String, String> env, BooleanSupplier dockerAnswers,
                                              BooleanSupplier localPostgresAnswers) {
        boolean dbFromEnv = isSet(env, DB_URL);
        boolean kafkaFromEnv = isSet(env, KAFKA_BOOTSTRAP);
        boolean dockerAllowed = !"false".equalsIgnoreCase(env.getOrDefault(USE_DOCKER, "").strip());

        // Docker is asked only when an environment variable does not already decide both.
        boolean docker;
        String dockerReason;
        if (dbFromEnv && kafkaFromEnv) {
            docker = false;
            dockerReason = "";
        } else if (!dockerAllowed) {
            docker = false;
            dockerReason = USE_DOCKER + "=false";
        } else {
            docker = dockerAnswers.getAsBoolean();
            dockerReason = docker ? "a Docker engine answers" : "no Docker engine answers";
        }

        PostgresSource postgres;
        String postgresReason;
        if (dbFromEnv) {
            postgres = PostgresSource.ENVIRONMENT;
            postgresReason = DB_URL + " is set";
        } else if (docker) {
            postgres = PostgresSource.TESTCONTAINERS;
            postgresReason = dockerReason;
        } else if (localPostgresAnswers.getAsBoolean()) {
            postgres = PostgresSource.LOCAL_SERVER;
            postgresReason = dockerReason + ", a server answers on 127.0.0.1:5432";
        } else {
            postgres = PostgresSource.EMBEDDED;
            postgresReason = dockerReason + ", nothing answers on 127.0.0.1:5432";
        }

        KafkaSource kafka;
        String kafkaReason;
        if (kafkaFromEnv) {
            kafka = KafkaSource.ENVIRONMENT;
            kafkaReason = KAFKA_BOOTSTRAP + " is set";
        } else if (docker) {
            kafka = KafkaSource.TESTCONTAINERS;
            kafkaReason = dockerReason;
        } else {
            kafka = KafkaSource.CHILD_PROCESS;
            kafkaReason = dockerReason;
        }
        IdentitySource identity = docker ? IdentitySource.TESTCONTAINERS : IdentitySource.CHILD_PROCESS;
        return new InfrastructureChoice(postgres, kafka, identity,
                "PostgreSQL: " + postgresReason + "; Kafka: " + kafkaReason);
    }

    static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
