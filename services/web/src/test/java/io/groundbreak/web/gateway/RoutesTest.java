package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RoutesTest {

    @Test
    void writesGoToMilestonesReadsOfProjectsAndTheFunnelToFunnelAndAuditToAudit() {
        assertThat(Routes.of(HttpMethod.POST, "/api/projects")).contains(new Route(Backend.MILESTONES, "/api/projects"));
        assertThat(Routes.of(HttpMethod.POST, "/api/projects/4f1c/milestones/SIGNED/correction"))
                .contains(new Route(Backend.MILESTONES, "/api/projects/4f1c/milestones/SIGNED/correction"));
        assertThat(Routes.of(HttpMethod.GET, "/api/projects")).contains(new Route(Backend.FUNNEL, "/api/projects"));
        assertThat(Routes.of(HttpMethod.GET, "/api/projects/4f1c")).contains(new Route(Backend.FUNNEL, "/api/projects/4f1c"));
        assertThat(Routes.of(HttpMethod.GET, "/api/funnel/breakdown")).contains(new Route(Backend.FUNNEL, "/api/funnel/breakdown"));
        assertThat(Routes.of(HttpMethod.GET, "/api/supervision/lights"))
                .contains(new Route(Backend.FUNNEL, "/api/supervision/lights"));
        assertThat(Routes.of(HttpMethod.GET, "/api/supervision/targets"))
                .contains(new Route(Backend.FUNNEL, "/api/supervision/targets"));
        assertThat(Routes.of(HttpMethod.POST, "/api/supervision/targets"))
                .contains(new Route(Backend.MILESTONES, "/api/supervision/targets"));
        assertThat(Routes.of(HttpMethod.GET, "/api/duplicates")).contains(new Route(Backend.FUNNEL, "/api/duplicates"));
        assertThat(Routes.of(HttpMethod.GET, "/api/audit/export")).contains(new Route(Backend.AUDIT, "/api/audit/export"));
        assertThat(Routes.of(HttpMethod.POST, "/api/audit/verification"))
                .contains(new Route(Backend.AUDIT, "/api/audit/verification"));
    }

    @Test
    void eachServicesDeadLettersAreReachedUnderItsOwnNameAndForwardedToItsOwnPath() {
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters"))
                .contains(new Route(Backend.FUNNEL, "/api/admin/dead-letters"));
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/audit-service/dead-letters"))
                .contains(new Route(Backend.AUDIT, "/api/admin/dead-letters"));
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters/operations"))
                .contains(new Route(Backend.FUNNEL, "/api/admin/dead-letters/operations"));
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/audit-service/dead-letters/operations"))
                .contains(new Route(Backend.AUDIT, "/api/admin/dead-letters/operations"));
        assertThat(Routes.of(HttpMethod.POST, "/api/admin/funnel-service/dead-letters/42/reprocess"))
                .contains(new Route(Backend.FUNNEL, "/api/admin/dead-letters/42/reprocess"));
        assertThat(Routes.of(HttpMethod.POST, "/api/admin/audit-service/dead-letters/42/discard"))
                .contains(new Route(Backend.AUDIT, "/api/admin/dead-letters/42/discard"));
        assertThat(Routes.of(HttpMethod.POST,
                "/api/admin/audit-service/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess"))
                .contains(new Route(Backend.AUDIT,
                        "/api/admin/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess"));
    }

    @Test
    void theMonthlyCloseGoesToAuditService() {
        assertThat(Routes.of(HttpMethod.POST, "/api/periods/2024-03/close"))
                .contains(new Route(Backend.AUDIT, "/api/periods/2024-03/close"));
        assertThat(Routes.of(HttpMethod.POST, "/api/periods/2024-03/reopen"))
                .contains(new Route(Backend.AUDIT, "/api/periods/2024-03/reopen"));
        assertThat(Routes.of(HttpMethod.GET, "/api/periods/2024-03")).contains(new Route(Backend.AUDIT, "/api/periods/2024-03"));
        assertThat(Routes.of(HttpMethod.GET, "/api/periods/2024-03/closes"))
                .contains(new Route(Backend.AUDIT, "/api/periods/2024-03/closes"));
        assertThat(Routes.of(HttpMethod.DELETE, "/api/periods/2024-03")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/periods")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/periodsX/2024-03")).isEmpty();
    }

    @Test
    void decisionsOnDuplicatesAndTheReviewOfRequestsAreWritesAndTheQueueIsARead() {
        String pair = "0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11~7d1e2f3a-0000-4e53-9a43-2f4f1f0e9d12";
        assertThat(Routes.of(HttpMethod.POST, "/api/duplicates/" + pair + "/decision"))
                .contains(new Route(Backend.MILESTONES, "/api/duplicates/" + pair + "/decision"));
        assertThat(Routes.of(HttpMethod.GET, "/api/duplicates/" + pair + "/decision")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/duplicates/" + pair)).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/duplicates/0b6f7b2e/decision")).as("a pair names two projects").isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/duplicates/a~b/../../admin/decision")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/requests")).contains(new Route(Backend.FUNNEL, "/api/requests"));
        assertThat(Routes.of(HttpMethod.POST, "/api/requests")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/requestsX")).isEmpty();
        for (String step : new String[] {"approval", "rejection", "withdrawal"}) {
            String path = "/api/projects/4f1c/requests/9a2b/" + step;
            assertThat(Routes.of(HttpMethod.POST, path)).as(step).contains(new Route(Backend.MILESTONES, path));
        }
        assertThat(Routes.of(HttpMethod.GET, "/api/projects/4f1c/requests/9a2b"))
                .as("a 202's Location, read").contains(new Route(Backend.FUNNEL, "/api/projects/4f1c/requests/9a2b"));
    }

    @Test
    void eachServicesEventIntakeIsReadFromItsHealthIndicator() {
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/intake"))
                .contains(new Route(Backend.FUNNEL, "/actuator/health/eventIntake"));
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/audit-service/intake"))
                .contains(new Route(Backend.AUDIT, "/actuator/health/eventIntake"));
        assertThat(Routes.of(HttpMethod.POST, "/api/admin/audit-service/intake")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/audit-service/intake/x")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/milestone-service/intake")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/actuator/health/eventIntake")).isEmpty();
    }

    @Test
    void whatNoServiceAnswersHasNoRoute() {
        assertThat(Routes.of(HttpMethod.DELETE, "/api/projects/4f1c")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/funnel")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/supervision/lights")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/supervision/targets/history")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/duplicates")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/rebuild")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/projectsX")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/auditing")).isEmpty();
    }

    @Test
    void deadLettersAreReachedOnlyThroughAServicesNameAndOnlyInPlainSegments() {
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/dead-letters")).as("which service's? ambiguous").isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/milestone-service/dead-letters")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/rebuild")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-lettersX")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters/")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters/../../rebuild")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters/%2e%2e/rebuild")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/funnel-service/dead-letters//x")).isEmpty();
        assertThat(Routes.of(HttpMethod.DELETE, "/api/admin/funnel-service/dead-letters/42")).isEmpty();
        assertThat(Routes.of(HttpMethod.PUT, "/api/admin/audit-service/dead-letters/42/discard")).isEmpty();
    }
}
