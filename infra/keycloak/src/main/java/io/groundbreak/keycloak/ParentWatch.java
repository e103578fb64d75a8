package io.groundbreak.keycloak;

/**
 * A Java agent for Keycloak's JVM ({@code -javaagent:keycloak.jar=PID}): ends it when the JVM that started it is gone.
 * A test JVM killed outright (a failsafe timeout, kill -9) runs no shutdown hook, and without this watch its Keycloak
 * would hold half a gigabyte and a port forever. Keycloak itself cannot be changed; an agent runs inside it anyway.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String parentPid) {
        long pid = Long.parseLong(parentPid.strip());
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("Parent JVM " + pid + " is gone; stopping Keycloak");
                    System.exit(0);
                }),
                () -> System.exit(0));
    }
}
