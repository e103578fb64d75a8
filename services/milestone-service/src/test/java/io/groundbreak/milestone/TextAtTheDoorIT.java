package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text that PostgreSQL (text, jsonb) or the contract cannot hold faithfully is refused at the door:
 * 400 problem+json naming the field, in Chinese or English, and nothing recorded (rows counted). The
 * bodies are real HTTP bodies: JSON escapes ({@code \u0000}, a lone {@code \ud800}) exactly as a client
 * would send them, and raw bytes where JSON itself forbids them.
 */
class TextAtTheDoorIT extends ServiceTestBase {

    /** A JSON string literal's body holding the flaw: what arrives in the field after Jackson decoded it. */
    private static final Map<String, String> SINGLE_LINE_FLAWS = Map.of(
            "NUL", "\\u0000",
            "NUL inside", "动力\\u0000电池",
            "lone high surrogate", "\\ud800",
            "lone low surrogate at the end", "基地\\udc00",
            "high surrogate before a letter", "\\ud83dx",
            "U+0001", "a\\u0001b",
            "tab", "a\\tb",
            "line feed", "a\\nb",
            "U+001F", "\\u001f",
            "DEL", "a\\u007fb");

    @Test
    void aRegistrationWithAFlawInAnyTextFieldIsRefusedNamingTheFieldAndRecordsNothing() {
        List<String> fields = List.of("code", "name", "investor", "park", "district", "chain");
        long before = eventCount();
        long codesBefore = projectCodes();
        long keysBefore = idempotencyKeys();
        for (String field : fields) {
            for (Map.Entry<String, String> flaw : SINGLE_LINE_FLAWS.entrySet()) {
                String body = registrationWith(field, flaw.getValue());
                HttpResponse<String> answer = post("d120116", "/api/projects", body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertProblem(answer, 400, "invalid-request");
                assertThat(fields(answer)).as(field + " with " + flaw.getKey() + ": " + answer.body()).contains(field);
            }
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(projectCodes()).isEqualTo(codesBefore);
        assertThat(idempotencyKeys()).isEqualTo(keysBefore);
    }

    @Test
    void theRefusalIsLocalised() {
        String body = registrationWith("name", "\\u0000");
        HttpResponse<String> chinese = post("d120116", "/api/projects", body);
        assertProblem(chinese, 400, "invalid-request");
        assertThat(message(chinese, "name")).contains("U+0000").contains("不能包含");
        HttpResponse<String> english = post("d120116", "/api/projects", body, Map.of("Accept-Language", "en"));
        assertThat(message(english, "name")).contains("must not contain U+0000");
    }

    @Test
    void everyActionRefusesFlawedNotesReasonsAndDetailsButFreeTextTakesTabsAndLineBreaks() {
        String project = "/api/projects/" + registerProject("120116");
        long before = eventCount();
        record Case(String path, String json, String field) {
        }
        List<Case> cases = new ArrayList<>();
        for (String flaw : List.of("\\u0000", "x\\ud800", "\\udfff", "\\u0001", "\\u000b", "\\u001b[31m", "a\\u0000\\nb")) {
            String reason = "\"" + flaw + "\"";
            cases.add(new Case("/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\",\"note\":" + reason + "}", "note"));
            cases.add(new Case("/milestones/SIGNED/correction", "{\"effectiveDate\":\"2024-03-01\",\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/milestones/SIGNED/retraction", "{\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/suspension", "{\"effectiveDate\":\"2024-03-01\",\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/resumption", "{\"effectiveDate\":\"2024-03-01\",\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/termination", "{\"effectiveDate\":\"2024-03-01\",\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/amendment", "{\"investor\":\"新投资方\",\"reason\":" + reason + "}", "reason"));
            cases.add(new Case("/amendment", "{\"name\":" + reason + ",\"reason\":\"更名\"}", "name"));
            cases.add(new Case("/amendment", "{\"investor\":" + reason + ",\"reason\":\"更名\"}", "investor"));
            cases.add(new Case("/amendment", "{\"park\":" + reason + ",\"reason\":\"更名\"}", "park"));
            cases.add(new Case("/amendment", "{\"chain\":" + reason + ",\"reason\":\"更名\"}", "chain"));
            cases.add(new Case("/investment-reports", "{\"period\":\"2024-03\",\"cumulativeCompletedCny\":" + reason + "}",
                    "cumulativeCompletedCny"));
            cases.add(new Case("/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\",\"amountCny\":" + reason + "}",
                    "amountCny"));
        }
        for (Case c : cases) {
            HttpResponse<String> answer = post("d120116", project + c.path(), c.json());
            assertProblem(answer, 400, "invalid-request");
            assertThat(fields(answer)).as(c + " -> " + answer.body()).contains(c.field());
        }
        assertThat(eventCount()).isEqualTo(before);

        HttpResponse<String> multiline = post("d120116", project + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\",\"note\":\"第一行\\r\\n第二行\\t完 🚀\"}");
        assertThat(multiline.statusCode()).as(multiline.body()).isEqualTo(201);
        HttpResponse<String> reason = post("d120116", project + "/suspension",
                "{\"effectiveDate\":\"2024-03-02\",\"reason\":\"资金未到位：\\n1. 银行\\t2. 政府\"}");
        assertThat(reason.statusCode()).as(reason.body()).isEqualTo(201);
    }

    @Test
    void rawControlCharactersAndRawLoneSurrogatesInTheBodyAreRefusedToo() {
        long before = eventCount();
        // JSON forbids unescaped control characters in strings: Jackson refuses the body, naming the field
        HttpResponse<String> rawNul = post("d120116", "/api/projects", registrationWith("name", "动力\u0000电池"));
        assertProblem(rawNul, 400, "malformed-request");
        HttpResponse<String> rawTab = post("d120116", "/api/projects", registrationWith("investor", "某某\t集团"));
        assertProblem(rawTab, 400, "malformed-request");
        // a lone surrogate cannot be encoded in UTF-8: the client's encoder sends '?' (valid, kept as '?'),
        // so send the bytes a careless encoder (CESU-8 / Modified UTF-8) would: ED A0 80
        HttpResponse<String> cesu = postBytes("/api/projects", utf8WithCesuSurrogate(registrationWith("name", "基地@@")));
        assertThat(cesu.statusCode()).as(cesu.body()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void headerAndPathTextIsCheckedLikeBodyFields() {
        String project = "/api/projects/" + registerProject("120116");
        long before = eventCount();
        HttpResponse<String> key = post("d120116", project + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}", Map.of("Idempotency-Key", "key\twith-tab"));
        assertProblem(key, 400, "invalid-request");
        assertThat(fields(key)).containsExactly("Idempotency-Key");
        HttpResponse<String> stage = post("d120116", project + "/milestones/SIG%01NED/retraction", "{\"reason\":\"误报\"}");
        assertProblem(stage, 400, "invalid-request");
        assertThat(fields(stage)).containsExactly("stage");
        for (String flaw : List.of("%01", "%1F", "%7F", "%09")) {
            HttpResponse<String> id = post("d120116", "/api/projects/" + flaw + UUID.randomUUID() + "/suspension",
                    "{\"effectiveDate\":\"2024-03-01\",\"reason\":\"暂停\"}");
            assertProblem(id, 400, "invalid-request");
            assertThat(fields(id)).as(flaw).containsExactly("projectId");
        }
        // bytes that are no UTF-8 (an encoded lone surrogate) decode to U+FFFD: no UUID, so no such project
        assertThat(post("d120116", "/api/projects/%ED%A0%80" + UUID.randomUUID() + "/suspension",
                "{\"effectiveDate\":\"2024-03-01\",\"reason\":\"暂停\"}").statusCode()).isIn(400, 404);
        // Tomcat refuses an encoded NUL in the path itself, before any application code: still a 400
        HttpResponse<String> nul = post("d120116", "/api/projects/%00" + UUID.randomUUID() + "/suspension",
                "{\"effectiveDate\":\"2024-03-01\",\"reason\":\"暂停\"}");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void chineseAndEmojiAreStillWelcome() {
        String code = "TJ-BH-🚀-" + UUID.randomUUID();
        String body = """
                {"code":"%s","name":"动力电池基地🔋（二期）𠀀","district":"120116","chain":"new-energy",
                 "investor":"某某新能源集团 \\ud83d\\ude80","plannedInvestmentCny":"1500000000.00","park":"临港🏭"}
                """.formatted(code);
        HttpResponse<String> answer = post("d120116", "/api/projects", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String projectId = json(answer).get("projectId").asString();
        assertThat(new String(recordsOf(projectId, 1).get(0).value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("动力电池基地🔋（二期）𠀀", "某某新能源集团 🚀", "临港🏭");
    }

    private static String registrationWith(String field, String jsonStringContent) {
        String value = "\"" + jsonStringContent + "\"";
        return """
                {"code":%s,"name":%s,"district":%s,"chain":%s,"investor":%s,"plannedInvestmentCny":"1500000000.00","park":%s}
                """.formatted(
                field.equals("code") ? value : "\"TJ-" + UUID.randomUUID() + "\"",
                field.equals("name") ? value : "\"动力电池基地\"",
                field.equals("district") ? value : "\"120116\"",
                field.equals("chain") ? value : "\"new-energy\"",
                field.equals("investor") ? value : "\"某某新能源集团\"",
                field.equals("park") ? value : "\"临港经济区\"");
    }

    /** The body as UTF-8, with the marker "@@" replaced by the 3-byte CESU-8 form of U+D800. */
    private static byte[] utf8WithCesuSurrogate(String body) {
        byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '@' && i + 1 < utf8.length && utf8[i + 1] == '@') {
                out.write(0xED);
                out.write(0xA0);
                out.write(0x80);
                i++;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }

    private HttpResponse<String> postBytes(String path, byte[] body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "d120116:d120116-dev".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static String message(HttpResponse<String> response, String field) {
        for (var error : json(response).path("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + response.body());
    }

    private long projectCodes() {
        return jdbc.sql("SELECT count(*) FROM project_code").query(Long.class).single();
    }

    private long idempotencyKeys() {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE user_name = 'd120116'").query(Long.class).single();
    }
}
