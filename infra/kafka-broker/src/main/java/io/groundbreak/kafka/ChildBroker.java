package io.groundbreak.kafka;

/**
 * Main class of the child broker JVM: runs {@code kafka.Kafka} and exits when the JVM that started it
 * is gone. A test JVM killed outright (a surefire/failsafe timeout, kill -9) runs no shutdown hook, and
 * without this watch its broker would keep the ports and the temp folder forever.
 *
 * <p>Kafka is called by reflection so that this module compiles the same whatever Kafka's main looks like.
 */
public final class ChildBroker {

    private ChildBroker() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.getLong(BrokerFiles.PARENT_PID_PROPERTY, -1L);
        if (parentPid > 0) {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> {
                        System.err.println("Parent JVM " + parentPid + " is gone; stopping the broker");
                        System.exit(0);
                    }),
                    () -> System.exit(0));
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
