package io.groundbreak.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * compose.yaml, haproxy.cfg and k8s/ agree with what the build makes and what the services read; and a
 * change on one side only (a port, a variable's name, a count, an image) is caught.
 */
class DeploymentConsistencyTest {

    /** The repository: Surefire runs in infra/deploy. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theDeploymentMatchesTheBuildAndTheServicesConfiguration() throws Exception {
        BuildFacts build = BuildFacts.read(ROOT);
        assertThat(build.services()).containsOnlyKeys("milestone-service", "funnel-service", "audit-service", "web");
        assertThat(DeploymentCheck.problems(ROOT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            infra/deploy/compose.yaml                                   | expose: ["8081"]                  | expose: ["8091"]                  | compose service milestone-service exposes [8091], its server.port is 8081
            infra/deploy/k8s/funnel-service.yaml                        | containerPort: 8082               | containerPort: 8092               | container ports [8092], its server.port is 8082
            services/audit-service/src/main/resources/application.yml   | port: 8083                        | port: 8093                        | the image of audit-service exposes 8083, its server.port is 8093
            infra/deploy/k8s/web.yaml                                   | name: GROUNDBREAK_AUDIT_URL       | name: GROUNDBREAK_AUDITS_URL      | Deployment web sets GROUNDBREAK_AUDITS_URL, which web's configuration does not read
            services/web/src/main/resources/application.yml             | GROUNDBREAK_FUNNEL_URL            | GROUNDBREAK_FUNNEL_ADDRESS        | compose service web sets GROUNDBREAK_FUNNEL_URL, which web's configuration does not read
            infra/deploy/k8s/audit-service.yaml                         | name: GROUNDBREAK_KAFKA_BOOTSTRAP | name: KAFKA_BOOTSTRAP             | Deployment audit-service must set GROUNDBREAK_KAFKA_BOOTSTRAP
            infra/deploy/k8s/config.yaml                                | funnel-url: http://funnel-service:8082 | funnel-url: http://funnel-service:8083 | GROUNDBREAK_FUNNEL_URL=http://funnel-service:8083 does not reach funnel-service
            infra/deploy/compose.yaml                                   | GROUNDBREAK_MILESTONE_URL: http://haproxy:8081 | GROUNDBREAK_MILESTONE_URL: http://haproxy:8082 | GROUNDBREAK_MILESTONE_URL=http://haproxy:8082 does not reach milestone-service
            infra/deploy/haproxy.cfg                                    | audit-service:8083                | audit-service:8093                | haproxy.cfg: port 8083 must lead to 2 servers audit-service:8083
            infra/deploy/compose.yaml                                   | replicas: 2                       | replicas: 1                       | compose service milestone-service: replicas must be 2
            infra/deploy/k8s/milestone-service.yaml                     | replicas: 2                       | replicas: 3                       | Deployment milestone-service: replicas must be 2
            infra/deploy/k8s/kafka.yaml                                 | replicas: 3                       | replicas: 1                       | k8s runs 1 brokers, not 3
            infra/deploy/k8s/kafka.yaml                                 | KAFKA_MIN_INSYNC_REPLICAS, value: "2" | KAFKA_MIN_INSYNC_REPLICAS, value: "1" | StatefulSet kafka: KAFKA_MIN_INSYNC_REPLICAS must be 2, not 1
            infra/deploy/k8s/config.yaml                                | kafka-replication-factor: "3"     | kafka-replication-factor: "1"     | GROUNDBREAK_KAFKA_REPLICATION_FACTOR must be 3, not 1
            infra/deploy/k8s/web.yaml                                   | readinessProbe:\\n            httpGet: {path: /actuator/health/readiness, port: 8080} | readinessProbe:\\n            httpGet: {path: /actuator/health/readiness, port: 8081} | Deployment web: readinessProbe must GET /actuator/health/readiness on 8080
            infra/deploy/k8s/audit-service.yaml                         | image: groundbreak/audit-service:0.1.0-SNAPSHOT | image: groundbreak/audit:0.1.0-SNAPSHOT | image groundbreak/audit:0.1.0-SNAPSHOT is neither built here nor a known third-party one
            infra/deploy/compose.yaml                                   | image: apache/kafka:4.2.1         | image: apache/kafka:4.1.0         | apache/kafka:4.1.0, the build's Kafka is 4.2.1
            infra/deploy/k8s/funnel-service.yaml                        | runAsUser: 65532                  | runAsUser: 1000                   | Deployment funnel-service must run as non-root 65532:65532
            pom.xml                                                     | <user>65532:65532</user>          | <user>0:0</user>                  | the images must run as a non-root user, not 0:0
            infra/deploy/k8s/web.yaml                                   | name: GROUNDBREAK_SECURITY_ISSUER | name: GROUNDBREAK_SECURITY_ISSUER_URI | Deployment web must set GROUNDBREAK_SECURITY_ISSUER outside profile local
            infra/deploy/compose.yaml                                   | <<: [*database, *kafka-client, *identity] | <<: [*database, *kafka-client] | compose service milestone-service must set GROUNDBREAK_SECURITY_ISSUER outside profile local
            infra/deploy/k8s/funnel-service.yaml                        | configMapKeyRef: {name: groundbreak, key: security-issuer} | secretKeyRef: {name: groundbreak, key: db-password} | Deployment funnel-service: GROUNDBREAK_SECURITY_ISSUER is configuration, not a Secret
            infra/deploy/compose.yaml                                   | GROUNDBREAK_WEB_CLIENTID: groundbreak-web | GROUNDBREAK_SECURITY_TOKEN_SECRET: change-me | compose service web sets GROUNDBREAK_SECURITY_TOKEN_SECRET: no token secret
            infra/deploy/k8s/audit-service.yaml                         | name: GROUNDBREAK_KAFKA_BOOTSTRAP | name: SPRING_CONFIG_IMPORT | Deployment audit-service sets SPRING_CONFIG_IMPORT: no token secret and no configured users
            infra/deploy/k8s/config.yaml                                | audit-password: change-me         | audit-password: change-me\\n  users.yml: x | Secret groundbreak holds users.yml
            infra/deploy/compose.yaml                                   | GROUNDBREAK_WEB_CLIENTID          | GROUNDBREAK_WEB_CLIENT_ID         | compose service web sets GROUNDBREAK_WEB_CLIENT_ID, which web's configuration does not read
            infra/deploy/keycloak/groundbreak-realm.json                | "realm": "groundbreak",           | "realm": "groundbreak", "users": [{"username": "leader"}], | keycloak/groundbreak-realm.json holds users
            """)
    void aChangeOnOneSideOnlyIsCaught(String file, String before, String after, String problem, @TempDir Path copy) throws Exception {
        copyWhatTheCheckReads(copy);
        Path changed = copy.resolve(file);
        String text = Files.readString(changed);
        String from = before.replace("\\n", "\n");
        assertThat(text).contains(from);
        Files.writeString(changed, text.replaceFirst(java.util.regex.Pattern.quote(from), after.replace("\\n", "\n")));

        assertThat(DeploymentCheck.problems(copy)).anySatisfy(p -> assertThat(p).contains(problem));
    }

    private static void copyWhatTheCheckReads(Path copy) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Stream.concat(
                Stream.of(ROOT.resolve("pom.xml")),
                Stream.concat(Files.walk(ROOT.resolve("infra/deploy"), 2), Files.walk(ROOT.resolve("services"), 5)))) {
            files = all.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")).filter(f -> {
                String name = f.getFileName().toString();
                return name.equals("pom.xml") || name.matches("application.*\\.ya?ml") || name.endsWith(".yaml") || name.equals("haproxy.cfg")
                        || name.endsWith(".json") && f.startsWith(ROOT.resolve("infra/deploy/keycloak"));
            }).toList();
        }
        for (Path file : files) {
            Path target = copy.resolve(ROOT.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        // the other modules' poms: BuildFacts reads every module the root pom lists
        try (Stream<Path> infra = Files.walk(ROOT.resolve("infra"), 2); Stream<Path> schemas = Stream.of(ROOT.resolve("schemas/pom.xml"))) {
            for (Path pom : Stream.concat(infra, schemas).filter(f -> f.getFileName().toString().equals("pom.xml")).toList()) {
                Path target = copy.resolve(ROOT.relativize(pom));
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(pom, target);
                }
            }
        }
    }
}
