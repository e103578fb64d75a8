package io.groundbreak.kafka;

import java.nio.file.Path;

/**
 * Main class of the child broker JVM: formats the storage if it never was, then runs {@code kafka.Kafka}.
 *
 * <p>Formatting here rather than with a separate {@code kafka.tools.StorageTool} JVM saves a JVM start
 * (1.5-4 s on a busy 2-core machine). The broker also exits when the JVM that started it is gone: a test JVM
 * killed outright (a failsafe timeout, kill -9) runs no shutdown hook, and without this watch its broker
 * would hold the ports and the temp folder forever.
 *
 * <p>Kafka is called by reflection: its jars are optional dependencies of this module, and the class must
 * load (for {@link BrokerFiles}) where they are absent.
 */
public final class ChildBroker {

    private ChildBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ChildBroker server.properties");
            System.exit(2);
        }
        watchParent();
        Path config = Path.of(args[0]).toAbsolutePath();
        String clusterId = System.getProperty(BrokerFiles.FORMAT_CLUSTER_ID_PROPERTY);
        if (clusterId != null && !BrokerFiles.isFormatted(config.getParent())) {
            int exit = (int) Class.forName("kafka.tools.StorageTool")
                    .getMethod("execute", String[].class, java.io.PrintStream.class)
                    .invoke(null, new String[] {"format", "-t", clusterId, "-c", config.toString()}, System.out);
            if (exit != 0) {
                System.err.println("Formatting the storage failed with exit code " + exit);
                System.exit(exit);
            }
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void watchParent() {
        long parentPid = Long.getLong(BrokerFiles.PARENT_PID_PROPERTY, -1L);
        if (parentPid > 0) {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> {
                        System.err.println("Parent JVM " + parentPid + " is gone; stopping the broker");
                        System.exit(0);
                    }),
                    () -> System.exit(0));
        }
    }
}
