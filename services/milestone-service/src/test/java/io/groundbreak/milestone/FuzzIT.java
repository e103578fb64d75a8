package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random JSON bodies, paths, users and headers against every write: never a 5xx, and a refused
 * request writes no event. Seeded, so that a failure can be replayed; the seed is in the message.
 */
class FuzzIT extends ServiceTestBase {

    private static final long SEED = 20240701L;
    private static final int REQUESTS = 200;
    private static final List<String> FIELDS = List.of("projectId", "code", "name", "district", "chain", "investor",
            "plannedInvestmentCny", "park", "stage", "effectiveDate", "amountCny", "note", "reason", "period",
            "cumulativeCompletedCny", "extra");
    private static final List<String> SUFFIXES = List.of("", "/milestones", "/milestones/SIGNED/correction",
            "/milestones/TALKS/retraction", "/milestones/nonsense/correction", "/suspension", "/resumption",
            "/termination", "/investment-reports", "/amendment", "/unknown");
    private static final List<String> USERS = List.of("d120114", "d120114", "d120114", "d120115", "admin", "leader");

    /** JSON string contents (escapes as a client sends them) that no field may hold, and some that free text may. */
    private static final List<String> FLAWED_TEXT = List.of("\\u0000", "动力\\u0000电池", "a\\u0001b", "\\u001f", "\\u007f",
            "\\ud800", "x\\udc00", "\\ud83d\\ude80", "\\udbff", "line\\nbreak", "tab\\there", "\\r\\n", "\\u001b[31m",
            "1500000000\\u0000", "SIGNED\\u0000", "120114\\u0000", "new-energy\\t");

    private static final List<String> FLAWED_PATH_IDS = List.of("%01", "%7F", "%ED%A0%80", "%00", "%09x", "%E2%80%8B");

    private final Random random = new Random(SEED);

    @Test
    void randomRequestsNeverGetA5xxAndRefusedOnesWriteNothing() {
        List<String> projects = List.of(registerProject("120114"), registerProject("120114"), UUID.randomUUID().toString());
        for (int i = 0; i < REQUESTS; i++) {
            String path = random.nextInt(10) == 0 ? "/api/projects"
                    : "/api/projects/" + (random.nextInt(20) == 0 ? pick(FLAWED_PATH_IDS) : pick(projects)) + pick(SUFFIXES);
            String body = random.nextInt(8) == 0 ? garbage() : object(0);
            Map<String, String> headers = headers();
            String user = random.nextInt(12) == 0 ? null : pick(USERS);
            long before = eventCount();

            HttpResponse<String> answer = user != null && random.nextInt(15) == 0
                    ? sendWithWrongPassword(user, path, body, headers)
                    : post(user, path, body, headers);

            String request = "request " + i + " (seed " + SEED + "): POST " + path + " as " + user + " " + headers + " " + body;
            assertThat(answer.statusCode()).as(request + " -> " + answer.body()).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(eventCount()).as(request).isEqualTo(before);
            }
        }
        // nothing that got through holds U+0000 (the canonical JSON would carry it as the escape \u0000)
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE position(convert_to('\\u0000', 'UTF8') in payload) > 0")
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> sendWithWrongPassword(String user, String path, String body, Map<String, String> headers) {
        Map<String, String> withCredentials = new HashMap<>(headers);
        withCredentials.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return post(null, path, body, withCredentials);
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        if (random.nextInt(4) == 0) {
            headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/json;charset=latin1",
                    "application/merge-patch+json", "*/*", "nonsense", "application/json; charset=UTF-8")));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Accept-Language", pick(List.of("en", "zh-CN", "fr;q=0.1", "en-US,en;q=0.9", "*", "x-!!-?", ";;;")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Accept", pick(List.of("text/html", "application/xml", "*/*", "image/png", "application/json", "garbage")));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Idempotency-Key", switch (random.nextInt(5)) {
                case 0, 1 -> UUID.randomUUID().toString();
                case 2 -> "key\t" + word(8);
                default -> word(random.nextInt(300) + 1);
            });
        }
        if (random.nextInt(5) == 0) {
            headers.put("X-" + word(8), word(random.nextInt(40) + 1));
        }
        return headers;
    }

    private String object(int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(random.nextInt(10) == 0 ? word(5) : pick(FIELDS)).append("\":").append(value(depth));
        }
        return json.append('}').toString();
    }

    private String value(int depth) {
        return switch (random.nextInt(depth > 1 ? 10 : 12)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> String.valueOf(random.nextDouble() * 1e20);
            case 4 -> quoted(pick(List.of("TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING", "signed", "")));
            case 5 -> quoted(pick(List.of("2024-03-01", "2024-02-30", today(), tomorrow(), "2024-13", "2024-05", "1900-01-01",
                    "9999-12-31", "+100000-01-01")));
            case 6 -> quoted(pick(List.of("120114", "120101", "new-energy", "1500000000.00", "12.345", "-1", "1e5",
                    "00001", UUID.randomUUID().toString())));
            case 7 -> quoted(word(random.nextInt(30)));
            case 8 -> quoted("x".repeat(random.nextInt(3000)));
            case 9 -> quoted(pick(FLAWED_TEXT));
            case 10 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
            default -> object(depth + 1);
        };
    }

    private String garbage() {
        return pick(List.of("", "{", "[]", "null", "\"text\"", "{\"stage\":}", "{\"stage\":\"SIGNED\"", "\u0000\u0001",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", word(50)));
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : '0' + random.nextInt(10)));
        }
        return word.toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
