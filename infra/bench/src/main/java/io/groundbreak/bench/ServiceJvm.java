package io.groundbreak.bench;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One Groundbreak service as a JVM of its own, from its runnable jar, the way {@code infra/local.sh} runs
 * it: full JIT and G1, except in the smoke run. (test-support's {@code ServiceProcess} always starts services
 * with the C1 compiler only, which halves start times in tests and would understate every figure here.)
 */
final class ServiceJvm implements AutoCloseable {

    static final String SERVICES_DIRECTORY_PROPERTY = "groundbreak.services.directory";
    /**
     * Five Spring Boot JVMs start at once (three services, web, plain Axon): under a load average of 40 from other
     * work on 2 cores they took over 200 s each, and one more than 240 s.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final List<String> THROUGHPUT = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");
    /** The smoke run's: about half the start time on a busy 2-core machine, at the cost of peak speed. */
    private static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private final boolean flightRecording;
    private int starts;
    private Process process;

    private ServiceJvm(String name, int port, List<String> command, Path log, boolean flightRecording) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
        this.flightRecording = flightRecording;
    }

    /**
     * The service NAME ({@code NAME.jar} in {@code groundbreak.services.directory}) on a free port, in
     * profile {@code local} (its development users), on this database and broker; not started yet.
     */
    static ServiceJvm of(String name, boolean quickStart, boolean flightRecording, TestDatabase database,
                         String kafkaBootstrap, Path logs, String... extraArguments) {
        Path jar = Path.of(System.getProperty(SERVICES_DIRECTORY_PROPERTY, "infra/bench/target/services"), name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build with infra/bench/run.sh, or "
                    + "mvn -pl infra/bench -am package, which copies the services' runnable jars there");
        }
        int port = FreePorts.take(1)[0];
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(quickStart));
        // for experiments: -Dbench.serviceJvmOptions="-Dsome.flag=x -XX:…" reaches every service JVM
        String extraJvmOptions = System.getProperty("bench.serviceJvmOptions", "").strip();
        if (!extraJvmOptions.isEmpty()) {
            command.addAll(List.of(extraJvmOptions.split("\\s+")));
        }
        command.addAll(List.of(
                "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
                // connections are opened as needed rather than ten per service at start: the PostgreSQL of a
                // shared machine has other users, and an idle connection does not make a figure faster
                "--spring.datasource.hikari.minimum-idle=2"));
        command.addAll(List.of(extraArguments));
        return new ServiceJvm(name, port, command, logs.resolve(name + ".log"), flightRecording);
    }

    /** The heap and collector settings every service JVM of a run gets. */
    static List<String> jvmOptions(boolean quickStart) {
        return quickStart ? QUICK_START : THROUGHPUT;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    synchronized ServiceJvm start() {
        try {
            Files.createDirectories(log.getParent());
            List<String> thisStart = new ArrayList<>(command);
            starts++;
            if (flightRecording) {
                // one recording per JVM start, written when it stops
                thisStart.add(1, "-XX:StartFlightRecording=name=bench,settings=profile,dumponexit=true,filename="
                        + recording().toAbsolutePath());
            }
            ProcessBuilder builder = new ProcessBuilder(thisStart)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
            Process started = process;
            // a bench stopped half-way (Ctrl-C) must not leave services running
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, name + "-stopper"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * Waits until Actuator says UP; a JVM that died says so, with its log. One that died because PostgreSQL
     * had no connection left for it (other work on a shared server) is started again, up to three times.
     */
    ServiceJvm awaitHealthy(BenchHttp http) {
        for (int attempt = 1; ; attempt++) {
            try {
                return awaitHealthyOnce(http);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !logMentions("too many clients already")) {
                    throw e;
                }
                start();
            }
        }
    }

    private boolean logMentions(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private ServiceJvm awaitHealthyOnce(BenchHttp http) {
        Process child = process;
        Awaitility.await(name + " healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(e -> e instanceof UncheckedIOException)
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + child.exitValue() + "; see " + log);
                    }
                    BenchHttp.Answer health = http.get(url("/actuator/health"), null);
                    return health.status() == 200 && health.body().contains("\"UP\"");
                });
        return this;
    }

    /** SIGTERM and a graceful shutdown; SIGKILL after 60 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        stopGracefully(process);
        process = null;
    }

    /** SIGTERM, then SIGKILL if the child has not exited within 60 s: how the bench stops its services and broker. */
    static void stopGracefully(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
    }

    /** CPU time the JVM has used so far, all its threads together (0 if the OS does not say). */
    synchronized long cpuNanos() {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The process id, 0 when it does not run. */
    synchronized long pid() {
        return process == null ? 0 : process.pid();
    }

    /** The JVM's resident memory now (VmRSS of /proc/PID/status), in KiB; 0 when it does not run or Linux does not say. */
    synchronized long residentKib() {
        return process == null ? 0 : Memory.residentKib(process.pid());
    }

    /** The JVM's heap in use now (jcmd GC.heap_info), in KiB; 0 when it cannot be asked. */
    synchronized long heapUsedKib() {
        return process == null ? 0 : Memory.heapUsedKib(process.pid());
    }

    private Path recording() {
        return log.resolveSibling(name + "-" + starts + ".jfr");
    }

    @Override
    public void close() {
        stop();
    }
}
