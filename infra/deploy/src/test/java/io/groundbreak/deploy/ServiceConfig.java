package io.groundbreak.deploy;

import java.util.Map;

/**
 * What the build knows of one service: its image (the Jib {@code to.image} of its pom), the port its image
 * exposes, its {@code server.port}, and the environment variables its {@code application*.yml} read.
 */
record ServiceConfig(String name, String image, int imagePort, int serverPort, Map<String, Placeholder> variables) {
}
