package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RoutesTest {

    @Test
    void writesGoToMilestonesReadsOfProjectsAndTheFunnelToFunnelAndAuditToAudit() {
        assertThat(Routes.of(HttpMethod.POST, "/api/projects")).contains(Backend.MILESTONES);
        assertThat(Routes.of(HttpMethod.POST, "/api/projects/4f1c/milestones/SIGNED/correction")).contains(Backend.MILESTONES);
        assertThat(Routes.of(HttpMethod.GET, "/api/projects")).contains(Backend.FUNNEL);
        assertThat(Routes.of(HttpMethod.GET, "/api/projects/4f1c")).contains(Backend.FUNNEL);
        assertThat(Routes.of(HttpMethod.GET, "/api/funnel/breakdown")).contains(Backend.FUNNEL);
        assertThat(Routes.of(HttpMethod.GET, "/api/audit/export")).contains(Backend.AUDIT);
        assertThat(Routes.of(HttpMethod.POST, "/api/audit/verification")).contains(Backend.AUDIT);
    }

    @Test
    void whatNoServiceAnswersHasNoRoute() {
        assertThat(Routes.of(HttpMethod.DELETE, "/api/projects/4f1c")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "/api/funnel")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/admin/rebuild")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/projectsX")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "/api/auditing")).isEmpty();
    }
}
