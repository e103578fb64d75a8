package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which projects to list: those of the filter whose stage on its date is {@code stage} (or, with a
 * {@code figure}, those counted in that figure of the stage), or that are stalled (held their stage
 * longer than {@code stalledDays} days, not PRODUCING, not terminated), or that are counted in a {@code cohort}'s
 * cell on the filter's date, or that {@code reached} a stage in a year or month (a target's actual) by the filter's date,
 * or that {@code reported} investment for a month of a year or month (a target's completed investment) up to it;
 * {@code duplicates} says what of the projects that are duplicates it shows (a figure's list: none of them).
 */
public record ProjectQuery(FunnelFilter filter, Optional<Stage> stage, Optional<FunnelFigure> figure,
                           OptionalInt stalledDays, Optional<CohortCell> cohort, Optional<ReachedIn> reached,
                           Optional<ReportedIn> reported, DuplicateFilter duplicates, ProjectSort sort,
                           boolean descending, int page, int size) {

    public ProjectQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(figure, "figure");
        if (figure.isPresent() && stage.isEmpty()) {
            throw new IllegalArgumentException("a funnel figure is one of a stage");
        }
        Objects.requireNonNull(stalledDays, "stalledDays");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(duplicates, "duplicates");
        // the parameters: a compact constructor assigns the fields at its end
        if ((figure.isPresent() || cohort.isPresent() || reached.isPresent() || reported.isPresent())
                && duplicates != DuplicateFilter.EXCLUDE) {
            throw new IllegalArgumentException("a figure's list leaves the duplicates out, as the figure does");
        }
        Objects.requireNonNull(sort, "sort");
    }

}
