package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.query.CohortCell;
import io.groundbreak.funnel.query.CohortOutcome;
import io.groundbreak.funnel.query.CohortPeriod;
import io.groundbreak.funnel.query.DuplicateFilter;
import io.groundbreak.funnel.query.FunnelFigure;
import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.funnel.query.LightRules;
import io.groundbreak.funnel.query.ProjectDetails;
import io.groundbreak.funnel.query.ProjectPage;
import io.groundbreak.funnel.query.ProjectQuery;
import io.groundbreak.funnel.query.ProjectReader;
import io.groundbreak.funnel.query.ProjectSort;
import io.groundbreak.funnel.query.ReachedIn;
import io.groundbreak.funnel.query.ReportedIn;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The projects behind the funnel, on a valid date; a district office sees its own district's only. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 200;
    private static final String COHORTS = "must be a stage TALKS, SIGNED, LANDED or STARTED and a period, "
            + "e.g. SIGNED:2024-Q1 or SIGNED:2024-01";
    private static final String OUTCOMES = "must be within90, within180, within365, reached, waiting or lost";
    private static final String SORTS = "code, name, district, chain, stage, stageSince or plannedInvestment, "
            + "optionally followed by ,asc or ,desc";

    private final ProjectReader projects;
    private final LightRules lights;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final FreshnessReader freshness;
    private final Clock clock;

    ProjectController(ProjectReader projects, LightRules lights, ReferenceData referenceData, Labels labels,
                      FreshnessReader freshness, Clock clock) {
        this.projects = projects;
        this.lights = lights;
        this.referenceData = referenceData;
        this.labels = labels;
        this.freshness = freshness;
        this.clock = clock;
    }

    /** sort is e.g. {@code plannedInvestment,desc}; the default is {@code code,asc}. */
    @GetMapping
    ProjectListAnswer list(@RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String district,
                           @RequestParam(required = false) String chain,
                           @RequestParam(required = false) String stage,
                           @RequestParam(required = false) String figure,
                           @RequestParam(required = false) String stalledDays,
                           @RequestParam(required = false) String cohort,
                           @RequestParam(required = false) String outcome,
                           @RequestParam(required = false) String reached,
                           @RequestParam(required = false) String reported,
                           @RequestParam(required = false) String duplicate,
                           @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size,
                           @RequestParam(required = false) String sort,
                           Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        Optional<Stage> atStage = parameters.parsed("stage", stage, Stage::valueOf, "must be a stage code, e.g. SIGNED");
        Optional<FunnelFigure> ofFigure = parameters.parsed("figure", figure,
                value -> FunnelFigure.valueOf(value.toUpperCase(Locale.ROOT)), "must be reached, current or lost");
        if (ofFigure.isPresent() && (stage == null || stage.isBlank())) {
            parameters.problem("figure", "needs a stage: the figure of which stage");
        }
        OptionalInt stalled = stalledDays == null || stalledDays.isBlank()
                ? OptionalInt.empty() : OptionalInt.of(parameters.number("stalledDays", stalledDays, 0, 0, 36_500));
        Optional<CohortCell> cohortCell = parameters.parsed("cohort", cohort, ProjectController::cohortOf, COHORTS);
        Optional<CohortOutcome> ofOutcome = parameters.parsed("outcome", outcome,
                value -> CohortOutcome.valueOf(value.toUpperCase(Locale.ROOT)), OUTCOMES);
        if (ofOutcome.isPresent() && (cohort == null || cohort.isBlank())) {
            parameters.problem("outcome", "needs a cohort: the outcome of which cohort");
        }
        Optional<ReachedIn> reachedIn = parameters.parsed("reached", reached, ReachedIn::parse,
                "must be a stage and a year or month, e.g. SIGNED:2025 or SIGNED:2025-03");
        Optional<ReportedIn> reportedIn = parameters.parsed("reported", reported, ReportedIn::parse,
                "must be a year or a month, e.g. 2025 or 2025-03");
        Optional<DuplicateFilter> duplicates = parameters.parsed("duplicate", duplicate,
                value -> DuplicateFilter.valueOf(value.toUpperCase(Locale.ROOT)), "must be include, exclude or only");
        boolean figuresList = ofFigure.isPresent() || cohortCell.isPresent() || reachedIn.isPresent() || reportedIn.isPresent();
        if (figuresList && duplicates.filter(wanted -> wanted != DuplicateFilter.EXCLUDE).isPresent()) {
            parameters.problem("duplicate", "a figure's list (figure, cohort, reached, reported) leaves the duplicates out, "
                    + "as the figure does: exclude or nothing");
        }
        int pageNumber = parameters.number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = parameters.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String[] sorting = sort == null || sort.isBlank() ? new String[] {"code"} : sort.strip().split(",", -1);
        Optional<ProjectSort> sortBy = parameters.parsed("sort", sorting[0], ProjectController::sortOf, SORTS);
        boolean descending = sorting.length > 1 && sorting[1].strip().equalsIgnoreCase("desc");
        if (sorting.length > 2 || (sorting.length == 2 && !sorting[1].strip().matches("(?i)asc|desc"))) {
            parameters.problem("sort", SORTS);
        }
        parameters.check();
        filter = Parameters.scoped(filter, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        Optional<CohortCell> cell = cohortCell.map(stageAndPeriod ->
                new CohortCell(stageAndPeriod.stage(), stageAndPeriod.period(), ofOutcome));
        ProjectPage found = projects.list(new ProjectQuery(filter, atStage, ofFigure, stalled, cell, reachedIn, reportedIn,
                duplicates.orElse(figuresList ? DuplicateFilter.EXCLUDE : DuplicateFilter.INCLUDE),
                sortBy.orElse(ProjectSort.CODE), descending, pageNumber, pageSize));
        LocalDate listedOn = filter.asOf();
        return new ProjectListAnswer(listedOn, found.page(), found.size(), found.totalItems(),
                (found.totalItems() + pageSize - 1) / pageSize,
                found.items().stream().map(item -> ProjectItem.of(item, lights.of(item, listedOn).orElse(null), labels))
                        .toList(), fresh);
    }

    @GetMapping("/{projectId}")
    ProjectAnswer project(@PathVariable String projectId,
                          @RequestParam(required = false) String asOf,
                          Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        Optional<UUID> id = parameters.parsed("projectId", projectId, UUID::fromString, "must be a UUID");
        LocalDate date = parameters.filter(asOf, null, null).asOf();
        parameters.check();
        Freshness fresh = freshness.now();
        ProjectDetails details = projects.details(id.orElseThrow(), date).orElseThrow(() -> new UnknownProject(projectId));
        Parameters.scopedDistrict(Optional.of(details.summary().district()), CurrentUser.of(authentication));
        return new ProjectAnswer(date, ProjectItem.of(details.summary(), lights.of(details.summary(), date).orElse(null), labels),
                details.investor(), details.park(),
                details.summary().plannedDates().byStage().isEmpty() ? null : details.summary().plannedDates(),
                details.stages().stream().map(stage -> new ProjectAnswer.StageEntry(labels.stage(stage.stage()),
                        stage.effectiveDate(), stage.amountCny(), stage.reached(), stage.skipped())).toList(),
                details.suspensions().stream().map(period -> new ProjectAnswer.Suspension(period.suspendedOn(),
                        period.resumedOn())).toList(),
                details.terminatedOn(), details.completedInvestmentCny(), details.completedInvestmentPeriod(), fresh);
    }

    /** {@code SIGNED:2024-Q1}: the cohort of a stage (not PRODUCING, which has no next one) and a quarter or month. */
    private static CohortCell cohortOf(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no period: " + text);
        }
        return new CohortCell(Stage.valueOf(text.substring(0, colon)), CohortPeriod.parse(text.substring(colon + 1)),
                Optional.empty());
    }

    private static ProjectSort sortOf(String name) {
        String wanted = name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return ProjectSort.valueOf(wanted);
    }
}
