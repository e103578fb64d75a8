package io.groundbreak.testsupport;

import io.groundbreak.testsupport.InfrastructureChoice.IdentitySource;
import io.groundbreak.testsupport.InfrastructureChoice.KafkaSource;
import io.groundbreak.testsupport.InfrastructureChoice.PostgresSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureChoiceTest {

    private final AtomicInteger dockerAsked = new AtomicInteger();
    private final AtomicInteger portAsked = new AtomicInteger();

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            dockerAsked.incrementAndGet();
            return answers;
        };
    }

    private BooleanSupplier localPostgres(boolean answers) {
        return () -> {
            portAsked.incrementAndGet();
            return answers;
        };
    }

    @Test
    void environmentVariablesWinAndNothingIsProbed() {
        Map<String, String> env = Map.of(
                "GROUNDBREAK_TEST_DB_URL", "jdbc:postgresql://db:5432/postgres",
                "GROUNDBREAK_TEST_KAFKA_BOOTSTRAP", "kafka:9092");

        InfrastructureChoice choice = InfrastructureChoice.choose(env, docker(true), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.ENVIRONMENT);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.ENVIRONMENT);
        // Keycloak has no variable of its own: without asking Docker, the child process
        assertThat(choice.identity()).isEqualTo(IdentitySource.CHILD_PROCESS);
        assertThat(dockerAsked).hasValue(0);
        assertThat(portAsked).hasValue(0);
    }

    @Test
    void dockerGivesBothWhenNoVariableIsSet() {
        InfrastructureChoice choice = InfrastructureChoice.choose(Map.of(), docker(true), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.TESTCONTAINERS);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.TESTCONTAINERS);
        assertThat(choice.identity()).isEqualTo(IdentitySource.TESTCONTAINERS);
        assertThat(portAsked).hasValue(0);
        assertThat(choice.reason()).contains("a Docker engine answers");
    }

    @Test
    void withoutDockerTheLocalServerAndAChildBrokerAreUsed() {
        InfrastructureChoice choice = InfrastructureChoice.choose(Map.of(), docker(false), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.LOCAL_SERVER);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.CHILD_PROCESS);
        assertThat(choice.identity()).isEqualTo(IdentitySource.CHILD_PROCESS);
        assertThat(dockerAsked).hasValue(1);
    }

    @Test
    void withoutDockerAndWithoutALocalServerPostgresIsEmbedded() {
        InfrastructureChoice choice = InfrastructureChoice.choose(Map.of(), docker(false), localPostgres(false));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.EMBEDDED);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.CHILD_PROCESS);
        assertThat(choice.reason()).contains("nothing answers on 127.0.0.1:5432");
    }

    @Test
    void onlyTheDatabaseFromTheEnvironmentStillAsksDockerForKafka() {
        Map<String, String> env = Map.of("GROUNDBREAK_TEST_DB_URL", "jdbc:postgresql://db:5432/postgres");

        InfrastructureChoice choice = InfrastructureChoice.choose(env, docker(true), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.ENVIRONMENT);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.TESTCONTAINERS);
        assertThat(portAsked).hasValue(0);
    }

    @Test
    void onlyKafkaFromTheEnvironmentStillChoosesADatabase() {
        Map<String, String> env = Map.of("GROUNDBREAK_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

        InfrastructureChoice choice = InfrastructureChoice.choose(env, docker(false), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.LOCAL_SERVER);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.ENVIRONMENT);
    }

    @Test
    void dockerCanBeSwitchedOffWithoutBeingAsked() {
        Map<String, String> env = Map.of("GROUNDBREAK_TEST_USE_DOCKER", "false");

        InfrastructureChoice choice = InfrastructureChoice.choose(env, docker(true), localPostgres(false));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.EMBEDDED);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.CHILD_PROCESS);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> env = Map.of("GROUNDBREAK_TEST_DB_URL", " ", "GROUNDBREAK_TEST_KAFKA_BOOTSTRAP", "");

        InfrastructureChoice choice = InfrastructureChoice.choose(env, docker(false), localPostgres(true));

        assertThat(choice.postgres()).isEqualTo(PostgresSource.LOCAL_SERVER);
        assertThat(choice.kafka()).isEqualTo(KafkaSource.CHILD_PROCESS);
    }

    @Test
    void eachProbeIsAskedAtMostOnce() {
        InfrastructureChoice.choose(Map.of(), docker(false), localPostgres(false));

        assertThat(dockerAsked).hasValue(1);
        assertThat(portAsked).hasValue(1);
    }
}
