package io.groundbreak.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak's distribution as {@code infra/keycloak} unpacked it, and how to run it: the JDK (Keycloak needs 21+,
 * the build stays on 17), the one-time build of the server for PostgreSQL ({@code kc.sh build}), and the command
 * line and environment of {@code kc.sh start --optimized}.
 *
 * <p>{@code start --optimized} after one {@code build}: {@code start-dev} re-runs Quarkus' augmentation on every
 * start (21 s here) before the 18-25 s of the start itself.
 */
public final class KeycloakDist {

    /** A JDK 21+ to run Keycloak with, when the one running this class is older; else one under /usr/lib/jvm. */
    public static final String JAVA_HOME_VARIABLE = "GROUNDBREAK_KEYCLOAK_JAVA_HOME";
    static final int MINIMUM_JAVA = 21;
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    /**
     * Build-time options: PostgreSQL, a local cache (the default, a cluster's, would look for peers), no
     * management interface (it would take port 9000 on every instance; readiness is the realm's discovery document).
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local", "--health-enabled=false",
            "--metrics-enabled=false");
    /** Written into the distribution after a build with {@link #BUILD_OPTIONS}, so that it runs once. */
    private static final String BUILT_MARKER = "groundbreak-built";

    private final Path home;

    private KeycloakDist(Path home) {
        this.home = home;
    }

    /** The distribution infra/keycloak unpacked at build time. */
    public static KeycloakDist unpacked() {
        return at(Path.of(buildProperties().getProperty("home")));
    }

    /** Keycloak's version, e.g. {@code 26.7.3} (the container image of the tests where Docker answers). */
    public static String version() {
        return buildProperties().getProperty("version");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDist.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.properties not found; is infra/keycloak built?");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The distribution at {@code home} (a copy, as infra/local.sh runs it). */
    public static KeycloakDist at(Path home) {
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + "; rebuild infra/keycloak "
                    + "(mvn -pl infra/keycloak install) so that Maven unpacks it again");
        }
        return new KeycloakDist(home.toAbsolutePath());
    }

    public Path home() {
        return home;
    }

    /**
     * A JDK of version 21 or later: {@value #JAVA_HOME_VARIABLE}, else the running one if recent enough, else the
     * newest under /usr/lib/jvm.
     */
    public static Path javaHome(Map<String, String> env) {
        String chosen = env.get(JAVA_HOME_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen.strip());
        }
        if (Runtime.version().feature() >= MINIMUM_JAVA) {
            return Path.of(System.getProperty("java.home"));
        }
        return newestJdk(JVM_DIRECTORY).orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK "
                + MINIMUM_JAVA + " or later and none is under " + JVM_DIRECTORY + "; install one (e.g. Debian's "
                + "openjdk-21-jdk-headless) or name it with " + JAVA_HOME_VARIABLE));
    }

    /** The JDK of the highest version ≥ 21 in {@code directory}, judged by each one's {@code release} file. */
    static Optional<Path> newestJdk(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(directory)) {
            return candidates.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
                    .filter(jdk -> !Files.isSymbolicLink(jdk))
                    .filter(jdk -> featureVersion(jdk) >= MINIMUM_JAVA)
                    .max(Comparator.comparingInt(KeycloakDist::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** 25 for a {@code release} file saying {@code JAVA_VERSION="25.0.1"}; 0 when unknown. */
    static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
                    String feature = version.split("[.+-]")[0];
                    return feature.equals("1") ? 8 : Integer.parseInt(feature);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no or an unreadable release file: not a JDK we can judge
        }
        return 0;
    }

    /**
     * Runs {@code kc.sh build} for PostgreSQL unless it already ran with the same options. Under a file lock:
     * the test JVMs of several modules, and infra/local.sh, may share one distribution. Returns whether it ran.
     */
    public boolean ensureBuilt(Path javaHome) {
        Path marker = home.resolve("lib").resolve(BUILT_MARKER);
        String expected = String.join(" ", BUILD_OPTIONS);
        try (FileChannel channel = FileChannel.open(home.resolve("lib").resolve(BUILT_MARKER + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(expected)) {
                return false;
            }
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            Path log = home.resolve("lib").resolve(BUILT_MARKER + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            Process build = builder.start();
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
            Files.writeString(marker, expected);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build Keycloak in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code bash kc.sh start --optimized …}: HTTP on {@code 127.0.0.1:port}, the issuer's host fixed to
     * {@code http://localhost:port} (so that tokens carry one issuer however the server is reached), the database
     * {@code jdbcUrl} (its password goes in the environment, see {@link #environment}).
     */
    public List<String> startCommand(int port, String jdbcUrl, String dbUser) {
        return List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://localhost:" + port,
                "--db-url=" + jdbcUrl, "--db-username=" + dbUser);
    }

    /**
     * The environment of {@link #startCommand}: the JDK, the bootstrap admin of the master realm (created on the
     * first start only), the database password, the heap (kc.sh's default is 512 MiB) and JVM options added to
     * kc.sh's own.
     */
    public static Map<String, String> environment(Path javaHome, String adminUser, String adminPassword,
                                                  String dbPassword, String heap, List<String> jvmOptions) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("KC_DB_PASSWORD", dbPassword == null ? "" : dbPassword);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + heap);
        if (!jvmOptions.isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", jvmOptions));
        }
        return env;
    }

    /**
     * {@code -javaagent:…=PID} ending Keycloak with the JVM of that pid ({@link ParentWatch}), when this class comes
     * from a jar (as it does for failsafe); empty when it comes from a classes folder.
     */
    public static List<String> parentWatch(long parentPid) {
        try {
            Path location = Path.of(KeycloakDist.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? List.of("-javaagent:" + location + "=" + parentPid) : List.of();
        } catch (java.net.URISyntaxException e) {
            return List.of();
        }
    }
}
