package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Both services keep their dead letters under the same path; through the web app the browser names the
 * service, and each call reaches that service only, at its own path, with the user's own access token, the
 * query and the body, and its answer (problem+json included) comes back unchanged. The two services are
 * stand-ins that record what they receive.
 */
class DeadLettersGatewayIT extends StandInServices {

    @Override
    Answer answer(String service, String path) {
        if (path.endsWith("/discard")) {
            return new Answer(409, "application/problem+json",
                    "{\"type\":\"urn:groundbreak:problem:already-reprocessed\",\"status\":409,\"detail\":\"" + service + " says no\"}",
                    null);
        }
        return Answer.json(200, "{\"deadLetters\":[{\"id\":7,\"reason\":\"malformed\",\"status\":\"parked\",\"from\":\"" + service + "\"}]}");
    }

    @Test
    void aListGoesToTheNamedServiceOnlyAtItsOwnPathWithTheQueryAndTheUsersToken() throws Exception {
        logIn("auditor");

        HttpResponse<String> funnel = get("/api/admin/funnel-service/dead-letters?status=all");
        HttpResponse<String> audit = get("/api/admin/audit-service/dead-letters/operations");
        HttpResponse<String> intake = get("/api/admin/audit-service/intake");

        assertThat(funnel.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(funnel.body()).get("deadLetters").get(0).get("from").asString()).isEqualTo("funnel-service");
        assertThat(JSON.readTree(audit.body()).get("deadLetters").get(0).get("from").asString()).isEqualTo("audit-service");
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery).containsExactly(
                tuple("funnel-service", "GET", "/api/admin/dead-letters?status=all"),
                tuple("audit-service", "GET", "/api/admin/dead-letters/operations"),
                tuple("audit-service", "GET", "/actuator/health/eventIntake"));
        assertThat(intake.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).allSatisfy(received -> assertThat(received.authorization())
                .as("the user's own access token, never a password").startsWith("Bearer ey"));
    }

    @Test
    void anAdminsDiscardCarriesItsReasonAndTheServicesRefusalComesBackUnchanged() throws Exception {
        logIn("admin");

        HttpResponse<String> discard = post("/api/admin/audit-service/dead-letters/7/discard", "{\"reason\":\"a test record\"}");
        HttpResponse<String> reprocess = client.send(HttpRequest.newBuilder(
                        url("/api/admin/funnel-service/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(discard.statusCode()).isEqualTo(409);
        assertThat(discard.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(discard.body()).get("detail").asString()).isEqualTo("audit-service says no");
        assertThat(reprocess.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery, Received::body)
                .containsExactly(
                        tuple("audit-service", "POST", "/api/admin/dead-letters/7/discard",
                                "{\"reason\":\"a test record\"}"),
                        tuple("funnel-service", "POST",
                                "/api/admin/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess", ""));
    }

    @Test
    void theAmbiguousPathAndOtherAdminPathsReachNoService() throws Exception {
        logIn("admin");

        HttpResponse<String> ambiguous = get("/api/admin/dead-letters");
        HttpResponse<String> other = get("/api/admin/funnel-service/rebuild");

        assertThat(ambiguous.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(ambiguous.body()).get("type").asString()).isEqualTo("urn:groundbreak:problem:no-such-endpoint");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(RECEIVED).isEmpty();
    }
}
