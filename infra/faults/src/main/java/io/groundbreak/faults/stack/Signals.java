package io.groundbreak.faults.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** {@code kill -SIGNAL pid}: Java's Process can only terminate, and the faults also freeze and resume. */
public final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} (STOP, CONT, …) to {@code pid}; fails when kill does. */
    public static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
