package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Four eyes and duplicate decisions (issue 20) through the web app: a write above the review bounds is answered 202
 * by milestone-service, and that answer — status, body and its {@code Location}, a path of the same API — reaches the
 * browser unchanged, while an absolute Location (a service's own address) does not; a decision on a pair goes to
 * milestone-service and the queue of requests is read from funnel-service, query and all. Both services are stand-ins
 * that record what they receive.
 */
class ReviewGatewayIT extends StandInServices {

    private static final String PROJECT = "0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11";
    private static final String REQUEST = "5e0c1d9a-2b7f-4a61-8d3e-6f1a2b3c4d5e";

    /** Retractions are above the bounds (202 with a Location); a decision is 201 with an absolute Location. */
    @Override
    Answer answer(String service, String path) {
        if (path.endsWith("/retraction")) {
            return new Answer(202, "application/json",
                    "{\"requestId\":\"" + REQUEST + "\",\"eventId\":\"e1\",\"sequence\":3,\"status\":\"pending\"}",
                    "/api/projects/" + PROJECT + "/requests/" + REQUEST);
        }
        if (path.endsWith("/decision")) {
            return new Answer(201, "application/json", "{\"pairId\":\"p\",\"eventId\":\"e2\",\"sequence\":0}",
                    "http://127.0.0.1:8081/api/duplicates/x");
        }
        return Answer.json(200, "{\"requests\":[]}");
    }

    @Test
    void aRequestForReviewComesBackAs202WithItsLocationAndTheQueueIsReadFromFunnelService() throws Exception {
        logIn("d120116");

        HttpResponse<String> retraction = post("/api/projects/" + PROJECT + "/milestones/LANDED/retraction",
                "{\"reason\":\"误报\"}");
        HttpResponse<String> queue = get("/api/requests?status=pending&district=120116");

        assertThat(retraction.statusCode()).isEqualTo(202);
        assertThat(retraction.headers().firstValue("Location")).contains("/api/projects/" + PROJECT + "/requests/" + REQUEST);
        JsonNode pending = JSON.readTree(retraction.body());
        assertThat(pending.get("requestId").asString()).isEqualTo(REQUEST);
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery).containsExactly(
                tuple("milestone-service", "POST", "/api/projects/" + PROJECT + "/milestones/LANDED/retraction"),
                tuple("funnel-service", "GET", "/api/requests?status=pending&district=120116"));
    }

    @Test
    void aDecisionAndAnApprovalGoToMilestoneServiceAndNoServicesAddressReachesTheBrowser() throws Exception {
        logIn("admin");
        String pair = PROJECT + "~7d1e2f3a-0000-4e53-9a43-2f4f1f0e9d12";

        HttpResponse<String> decision = post("/api/duplicates/" + pair + "/decision",
                "{\"decision\":\"same\",\"primaryProjectId\":\"" + PROJECT + "\",\"reason\":\"同一投资方同一项目\"}");
        HttpResponse<String> approval = post("/api/projects/" + PROJECT + "/requests/" + REQUEST + "/approval", "{}");

        assertThat(decision.statusCode()).isEqualTo(201);
        assertThat(decision.headers().firstValue("Location")).as("the service's own address").isEmpty();
        assertThat(JSON.readTree(decision.body()).get("eventId").asString()).isEqualTo("e2");
        assertThat(approval.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery, Received::body)
                .containsExactly(
                        tuple("milestone-service", "POST", "/api/duplicates/" + pair + "/decision",
                                "{\"decision\":\"same\",\"primaryProjectId\":\"" + PROJECT + "\",\"reason\":\"同一投资方同一项目\"}"),
                        tuple("milestone-service", "POST", "/api/projects/" + PROJECT + "/requests/" + REQUEST + "/approval", "{}"));
    }
}
