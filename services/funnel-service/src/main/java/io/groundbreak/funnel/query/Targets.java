package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A year's targets against what was achieved from the year's first day to {@code until} (the date asked, at most the
 * year's last day), per cell with a target or an actual; sums per district, per chain and in total.
 */
public record Targets(int year, LocalDate until, Map<TargetCellKey, TargetProgress> cells) {

    public Targets {
        cells = Map.copyOf(cells);
    }

    public TargetProgress total() {
        return cells.values().stream().reduce(TargetProgress.NONE, TargetProgress::plus);
    }

    public Map<String, TargetProgress> byDistrict() {
        return sumBy(TargetCellKey::district);
    }

    public Map<String, TargetProgress> byChain() {
        return sumBy(TargetCellKey::chain);
    }

    private Map<String, TargetProgress> sumBy(Function<TargetCellKey, String> part) {
        return cells.entrySet().stream().collect(Collectors.toMap(entry -> part.apply(entry.getKey()),
                Map.Entry::getValue, TargetProgress::plus));
    }
}
