package io.groundbreak.testsupport;

/**
 * The Kafka broker that integration tests talk to. Fault tests stop it and start it again: it comes back
 * on the same bootstrap address with its data, so clients reconnect by themselves.
 */
public interface KafkaBroker {

    /** {@code host:port} for {@code bootstrap.servers}; the same before and after a restart. */
    String bootstrapServers();

    /** True while the broker serves requests (false after {@link #stop()}, until {@link #start()}). */
    boolean isRunning();

    /** Stops the broker (no-op when stopped). Blocks until it no longer serves requests. */
    void stop();

    /** Starts it again on the same port with the same data (no-op when running). Blocks until it serves. */
    void start();

    /**
     * Whether {@link #stop()} and {@link #start()} are supported: false for a broker given by
     * {@code GROUNDBREAK_TEST_KAFKA_BOOTSTRAP}, which is not ours to stop. Fault tests should
     * {@code assumeTrue(kafka.canRestart())}.
     */
    boolean canRestart();
}
