package io.groundbreak.audit.reconciliation.check;

import io.groundbreak.audit.completeness.check.Completeness;
import io.groundbreak.audit.completeness.check.CompletenessCheck;
import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.LedgerReplay;
import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.audit.reconciliation.client.FunnelServiceClient;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Replays the whole ledger once (known now, valid today in the city) and compares the funnel of the
 * city, of each district and of each chain of the reference data with funnel-service's live answer.
 * funnel-service may lag the topic by a moment: a difference that is gone when asked again was lag.
 */
@Component
public class Reconciler {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final LedgerReplay replay;
    private final FunnelServiceClient funnelService;
    private final ReferenceData referenceData;
    private final Clock clock;

    private final CompletenessCheck completeness;

    Reconciler(LedgerReplay replay, FunnelServiceClient funnelService, ReferenceData referenceData, Clock clock,
               CompletenessCheck completeness) {
        this.completeness = completeness;
        this.replay = replay;
        this.funnelService = funnelService;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    public ReconciliationReport reconcile() {
        Completeness complete = completeness.check();
        Instant knownAt = clock.instant();
        LocalDate validAt = LocalDate.ofInstant(knownAt, CITY_ZONE);
        Collection<ProjectState> projects = replay.projectsKnownAt(knownAt);
        List<FunnelScope> scopes = new ArrayList<>();
        scopes.add(FunnelScope.CITY);
        referenceData.districtCodes().forEach(code -> scopes.add(FunnelScope.district(code)));
        referenceData.chainCodes().forEach(code -> scopes.add(FunnelScope.chain(code)));
        List<Difference> differences = new ArrayList<>();
        for (FunnelScope scope : scopes) {
            Funnel ledger = Funnel.of(validAt, knownAt, projects, scope);
            differences.addAll(FunnelComparison.compare(scope, ledger, funnelService.funnel(validAt, scope)));
        }
        return new ReconciliationReport(differences.isEmpty() && complete.complete(), validAt, knownAt, scopes.size(),
                List.copyOf(differences), complete);
    }
}
