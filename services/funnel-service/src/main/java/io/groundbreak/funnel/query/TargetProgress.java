package io.groundbreak.funnel.query;

/** A cell's (or a sum's) target beside what was achieved. */
public record TargetProgress(TargetValues target, ActualValues actual) {

    public static final TargetProgress NONE = new TargetProgress(TargetValues.NONE, ActualValues.NONE);

    public TargetProgress plus(TargetProgress other) {
        return new TargetProgress(target.plus(other.target), actual.plus(other.actual));
    }
}
