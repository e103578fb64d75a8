package io.groundbreak.testsupport;

/** A broker named by {@code GROUNDBREAK_TEST_KAFKA_BOOTSTRAP}: used as it is, never stopped by tests. */
final class ExternalKafkaBroker implements KafkaBroker {

    private final String bootstrapServers;

    ExternalKafkaBroker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("The broker at " + bootstrapServers + " comes from "
                + InfrastructureChoice.KAFKA_BOOTSTRAP + " and is not the tests' to stop; check canRestart()");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("The broker at " + bootstrapServers + " comes from "
                + InfrastructureChoice.KAFKA_BOOTSTRAP + " and is not the tests' to start; check canRestart()");
    }

    @Override
    public boolean canRestart() {
        return false;
    }
}
