package io.groundbreak.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakDistTest {

    @TempDir
    Path jvms;

    @Test
    void theNewestJdkOf21OrLaterIsChosen() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.1");
        jdk("java-21-openjdk-amd64", "21.0.5");

        assertThat(KeycloakDist.newestJdk(jvms)).contains(jvms.resolve("temurin-25-jdk-amd64"));
    }

    @Test
    void noJdkOf21OrLaterIsNone() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-8", "1.8.0_402");

        assertThat(KeycloakDist.newestJdk(jvms)).isEmpty();
    }

    @Test
    void theVariableWins() {
        assertThat(KeycloakDist.javaHome(Map.of(KeycloakDist.JAVA_HOME_VARIABLE, "/opt/jdk-22")))
                .isEqualTo(Path.of("/opt/jdk-22"));
    }

    @Test
    void theStartCommandFixesTheIssuersHostAndListensOnLoopback() throws IOException {
        Path home = jvms.resolve("keycloak");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/bash\n");

        assertThat(KeycloakDist.at(home).startCommand(8180, "jdbc:postgresql://127.0.0.1:5432/kc", "postgres"))
                .contains("start", "--optimized", "--http-host=127.0.0.1", "--http-port=8180",
                        "--hostname=http://localhost:8180", "--db-url=jdbc:postgresql://127.0.0.1:5432/kc");
    }

    private void jdk(String name, String version) throws IOException {
        Path jdk = jvms.resolve(name);
        Files.createDirectories(jdk.resolve("bin"));
        Path java = Files.writeString(jdk.resolve("bin/java"), "");
        java.toFile().setExecutable(true);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
}
