package io.groundbreak.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.groundbreak.events.EventEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for milestone-service's and funnel-service's {@code GET /api/admin/heads}
 * (the contract's JSON, ordered by projectId), on a free port. Tests say what each service holds.
 */
public final class HeadsServer {

    private record Head(long sequence, String hash) {
    }

    private final HttpServer server;
    private final Map<String, Head> milestone = new ConcurrentSkipListMap<>();
    private final Map<String, Head> funnel = new ConcurrentSkipListMap<>();
    private final AtomicBoolean milestoneDown = new AtomicBoolean();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    private HeadsServer(HttpServer server) {
        this.server = server;
    }

    static HeadsServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HeadsServer heads = new HeadsServer(http);
            http.createContext("/milestone/api/admin/heads", exchange -> heads.answer(exchange, "milestone-service",
                    heads.milestone, heads.milestoneDown.get()));
            http.createContext("/funnel/api/admin/heads", exchange -> heads.answer(exchange, "funnel-service",
                    heads.funnel, false));
            http.start();
            return heads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String milestoneUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/milestone";
    }

    String funnelUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/funnel";
    }

    /** milestone-service's event store holds this event as the project's last. */
    public void milestoneHead(EventEnvelope last) {
        milestone.put(last.subject().toString(), new Head(last.sequence(), last.hash()));
    }

    /** funnel-service's read model applied this event last for the project. */
    public void funnelHead(EventEnvelope last) {
        funnel.put(last.subject().toString(), new Head(last.sequence(), last.hash()));
    }

    /** While true, milestone-service answers 503. */
    public void milestoneDown(boolean down) {
        milestoneDown.set(down);
    }

    /** The Authorization header of the last request. */
    public String lastAuthorization() {
        return lastAuthorization.get();
    }

    private void answer(HttpExchange exchange, String source, Map<String, Head> heads, boolean down) throws IOException {
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        StringBuilder json = new StringBuilder("{\"source\":\"").append(source).append("\",\"projects\":[");
        boolean first = true;
        for (Map.Entry<String, Head> head : heads.entrySet()) {
            json.append(first ? "" : ",").append("{\"projectId\":\"").append(head.getKey()).append("\",\"sequence\":")
                    .append(head.getValue().sequence()).append(",\"hash\":\"").append(head.getValue().hash()).append("\"}");
            first = false;
        }
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
