package io.groundbreak.demo.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/supervision/targets} as ADMIN: a year's targets, every cell of it in one request. */
public record YearTargets(int year, String reason, List<TargetCell> cells) {

    public static final String PATH = "/api/supervision/targets";

    public YearTargets {
        cells = List.copyOf(cells);
        if (cells.isEmpty() || cells.size() > 2000) {
            throw new IllegalArgumentException("1 to 2,000 cells, not " + cells.size());
        }
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("reason", reason);
        body.put("targets", cells.stream().map(TargetCell::body).toList());
        return body;
    }

    public int signed() {
        return cells.stream().mapToInt(TargetCell::signed).sum();
    }
}
