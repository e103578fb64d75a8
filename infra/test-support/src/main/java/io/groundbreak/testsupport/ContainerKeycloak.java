package io.groundbreak.testsupport;

import io.groundbreak.keycloak.KeycloakDist;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Keycloak in a container of the image of the same version as infra/keycloak's distribution (Testcontainers'
 * own Keycloak module is not served here): {@code start-dev} with the image's own database, since the tests'
 * realms are imported anew on each start. Its issuer follows the address it is reached at, the mapped port.
 */
final class ContainerKeycloak implements AutoCloseable {

    private static final int PORT = 8080;

    private final GenericContainer<?> container;

    private ContainerKeycloak(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerKeycloak startNew() {
        GenericContainer<?> container = new GenericContainer<>(
                DockerImageName.parse("quay.io/keycloak/keycloak:" + KeycloakDist.version()))
                .withCommand("start-dev", "--http-port=" + PORT)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", IdentityProvider.ADMIN_USER)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", IdentityProvider.ADMIN_PASSWORD)
                .withExposedPorts(PORT)
                .waitingFor(Wait.forHttp("/realms/master/.well-known/openid-configuration").forPort(PORT)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        container.start();
        return new ContainerKeycloak(container);
    }

    URI baseUrl() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
    }

    @Override
    public void close() {
        container.stop();
    }
}
