package io.groundbreak.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What haproxy.cfg routes: each frontend's port to its backend, each backend's {@code server-template}
 * (how many servers, which host and port). Reads only the lines the deployment uses.
 */
record Haproxy(Map<Integer, String> frontends, Map<String, Backend> backends) {

    record Backend(int count, String host, int port) {
    }

    static Haproxy read(Path file) throws IOException {
        Map<Integer, String> frontends = new HashMap<>();
        Map<String, Backend> backends = new HashMap<>();
        String section = "";
        String name = "";
        Integer bound = null;
        for (String line : Files.readAllLines(file)) {
            String[] words = line.strip().split("\\s+");
            if (line.isBlank() || words[0].startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                section = words[0];
                name = words.length > 1 ? words[1] : "";
                bound = null;
            } else if (section.equals("frontend") && words[0].equals("bind")) {
                bound = Integer.parseInt(words[1].substring(words[1].lastIndexOf(':') + 1));
            } else if (section.equals("frontend") && words[0].equals("default_backend") && bound != null) {
                frontends.put(bound, words[1]);
            } else if (section.equals("backend") && words[0].equals("server-template")) {
                String[] address = words[3].split(":");
                backends.put(name, new Backend(Integer.parseInt(words[2]), address[0], Integer.parseInt(address[1])));
            }
        }
        return new Haproxy(frontends, backends);
    }
}
