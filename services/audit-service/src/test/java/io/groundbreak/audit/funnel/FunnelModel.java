package io.groundbreak.audit.funnel;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docs/funnel.md written down the other way round from the service: instead of folding
 * events forward, each question looks back for the last known event that answers it (a stage's last
 * recording, correction or retraction; the last registration or amendment naming a chain or amount; each pair's last
 * decision known, which leaves a duplicate out). Change requests are no stage's event, so they answer nothing. The monthly
 * close's test (periods/PeriodCloseIT) builds its expected month figures on it too.
 */
public final class FunnelModel {

    public record Expected(Stage stage, long reached, long current, long lost, BigDecimal reachedInvestment,
                    BigDecimal currentInvestment) {
    }

    public record ExpectedFunnel(List<Expected> stages, List<Double> rates) {
    }

    private record Project(Stage stage, boolean terminated, String district, String chain, BigDecimal planned) {
    }

    private FunnelModel() {
    }

    public static ExpectedFunnel funnel(List<List<EventEnvelope>> histories, LocalDate validAt, Instant knownAt,
                                 String district, String chain) {
        List<Project> projects = new ArrayList<>();
        for (List<EventEnvelope> history : histories) {
            List<ProjectEvent> known = history.stream().filter(e -> !e.time().isAfter(knownAt)).map(EventEnvelope::data).toList();
            if (known.isEmpty() || !(known.get(0) instanceof ProjectRegistered registered)
                    || isDuplicate(histories, registered.projectId(), knownAt)) {
                continue;
            }
            Stage stage = null;
            for (Stage candidate : Stage.values()) {
                Optional<LocalDate> date = dateOf(known, candidate);
                if (date.isPresent() && !date.get().isAfter(validAt)) {
                    stage = candidate;
                }
            }
            if (stage == null) {
                continue;
            }
            boolean terminated = known.stream().anyMatch(e -> e instanceof ProjectTerminated t && !t.effectiveDate().isAfter(validAt));
            String currentChain = registered.chain();
            BigDecimal planned = registered.plannedInvestmentCny();
            for (ProjectEvent event : known) {
                if (event instanceof ProjectDetailsAmended amended) {
                    currentChain = amended.chain() != null ? amended.chain() : currentChain;
                    planned = amended.plannedInvestmentCny() != null ? amended.plannedInvestmentCny() : planned;
                }
            }
            projects.add(new Project(stage, terminated, registered.district(), currentChain, planned));
        }
        List<Project> inScope = projects.stream()
                .filter(p -> district == null || p.district().equals(district))
                .filter(p -> chain == null || p.chain().equals(chain))
                .toList();
        List<Expected> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            List<Project> reached = inScope.stream().filter(p -> p.stage().compareTo(s) >= 0).toList();
            List<Project> current = inScope.stream().filter(p -> p.stage() == s && !p.terminated()).toList();
            long lost = inScope.stream().filter(p -> p.stage() == s && p.terminated()).count();
            stages.add(new Expected(s, reached.size(), current.size(), lost, sum(reached), sum(current)));
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i + 1 < stages.size(); i++) {
            long from = stages.get(i).reached();
            rates.add(from == 0 ? null : stages.get(i + 1).reached() / (double) from);
        }
        return new ExpectedFunnel(stages, rates);
    }

    /**
     * Whether some pair naming the project has, as its last decision known at the instant, "same" with the other one
     * as primary: looked up from the pair's last decision backwards, not folded.
     */
    private static boolean isDuplicate(List<List<EventEnvelope>> histories, ProjectId project, Instant knownAt) {
        for (List<EventEnvelope> history : histories) {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (!(history.get(i).data() instanceof DuplicateDecided decided)
                        || !(decided.firstProjectId().equals(project) || decided.secondProjectId().equals(project))) {
                    break;
                }
                if (!history.get(i).time().isAfter(knownAt)) {
                    if (decided.same() && !decided.primaryProjectId().equals(project)) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** The date of the last known recording or correction of the stage, unless a retraction came after it. */
    private static Optional<LocalDate> dateOf(List<ProjectEvent> known, Stage stage) {
        for (int i = known.size() - 1; i >= 0; i--) {
            ProjectEvent event = known.get(i);
            if (event instanceof MilestoneRetracted retracted && retracted.stage() == stage) {
                return Optional.empty();
            }
            if (event instanceof MilestoneRecorded recorded && recorded.stage() == stage) {
                return Optional.of(recorded.effectiveDate());
            }
            if (event instanceof MilestoneCorrected corrected && corrected.stage() == stage) {
                return Optional.of(corrected.effectiveDate());
            }
        }
        return Optional.empty();
    }

    private static BigDecimal sum(List<Project> projects) {
        return projects.stream().map(Project::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
