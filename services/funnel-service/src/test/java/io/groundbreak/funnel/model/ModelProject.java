package io.groundbreak.funnel.model;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One project as the model knows it after replaying its events: plain fields, no database. */
final class ModelProject {

    final UUID id;
    final String district;
    String code;
    String name;
    String chain;
    String investor;
    String park;
    BigDecimal planned;
    long lastSequence;
    final Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
    final Map<Stage, BigDecimal> amounts = new EnumMap<>(Stage.class);
    LocalDate terminatedOn;
    /** Pairs of suspension and resumption date (null while suspended). */
    final List<LocalDate[]> suspensions = new ArrayList<>();
    final TreeMap<YearMonth, BigDecimal> reports = new TreeMap<>();
    /** Schema 1.1: the planned date of each planned stage, the source code (null: none). */
    final Map<Stage, LocalDate> plans = new EnumMap<>(Stage.class);
    String source;

    ModelProject(UUID id, String district) {
        this.id = id;
        this.district = district;
    }

    /** The highest recorded stage dated on or before {@code day}, or null. */
    Stage stageOn(LocalDate day) {
        Stage highest = null;
        for (Stage stage : Stage.values()) {
            LocalDate date = dates.get(stage);
            if (date != null && !date.isAfter(day)) {
                highest = stage;
            }
        }
        return highest;
    }

    boolean terminatedOn(LocalDate day) {
        return terminatedOn != null && !terminatedOn.isAfter(day);
    }

    String statusOn(LocalDate day) {
        if (terminatedOn(day)) {
            return "TERMINATED";
        }
        for (LocalDate[] period : suspensions) {
            if (!period[0].isAfter(day) && (period[1] == null || period[1].isAfter(day))) {
                return "SUSPENDED";
            }
        }
        return "ACTIVE";
    }

    /** The first date on which the project was at {@code stage} or above, counting dates up to {@code day} only, or null. */
    LocalDate reachedBy(Stage stage, LocalDate day) {
        LocalDate first = null;
        for (Map.Entry<Stage, LocalDate> recorded : dates.entrySet()) {
            LocalDate date = recorded.getValue();
            if (recorded.getKey().compareTo(stage) >= 0 && !date.isAfter(day) && (first == null || date.isBefore(first))) {
                first = date;
            }
        }
        return first;
    }

    /** The first date on which the project was at {@code stage} or above, or null. */
    LocalDate reachedOn(Stage stage) {
        LocalDate first = null;
        for (Map.Entry<Stage, LocalDate> recorded : dates.entrySet()) {
            if (recorded.getKey().compareTo(stage) >= 0 && (first == null || recorded.getValue().isBefore(first))) {
                first = recorded.getValue();
            }
        }
        return first;
    }
}
