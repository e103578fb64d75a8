package io.groundbreak.testsupport.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports that are free right now, taken below the kernel's ephemeral range: what runs on them (a
 * broker, a service) is stopped and started again on the same ports, and a port of the ephemeral range may
 * meanwhile become the local end of any outgoing connection on a busy machine. Used by the fault suite and
 * the benchmark.
 */
public final class FreePorts {

    private static final int LOWEST = 15_000;

    private FreePorts() {
    }

    public static int[] take(int count) {
        int below = ephemeralRangeStart();
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            int port;
            do {
                port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            } while (contains(ports, i, port) || !isFree(port));
            ports[i] = port;
        }
        return ports;
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(int[] ports, int taken, int port) {
        for (int i = 0; i < taken; i++) {
            if (ports[i] == port) {
                return true;
            }
        }
        return false;
    }

    private static int ephemeralRangeStart() {
        try {
            int start = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim().split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
