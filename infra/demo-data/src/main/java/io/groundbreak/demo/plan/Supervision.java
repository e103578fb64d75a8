package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A project's schema 1.1 fields as registered: the planned dates of its stages (计划签约/落地/开工/投产; empty =
 * no plan), its responsible person (责任人) and leader (包联领导), and its source (a code of {@code sources.csv}).
 */
public record Supervision(Map<Stage, LocalDate> plannedDates, String responsiblePerson, String responsibleLeader,
                          String source) {

    public Supervision {
        plannedDates = Collections.unmodifiableMap(plannedDates.isEmpty()
                ? new EnumMap<>(Stage.class) : new EnumMap<>(plannedDates));
        if (plannedDates.containsKey(Stage.TALKS)) {
            throw new IllegalArgumentException("TALKS is never planned");
        }
    }

    /** The fields of the registration's body, absent ones left out. */
    void addTo(Map<String, Object> body) {
        if (!plannedDates.isEmpty()) {
            Map<String, Object> dates = new LinkedHashMap<>();
            plannedDates.forEach((stage, day) -> dates.put(stage.name().toLowerCase(Locale.ROOT), day.toString()));
            body.put("plannedDates", dates);
        }
        if (responsiblePerson != null) {
            body.put("responsiblePerson", responsiblePerson);
        }
        if (responsibleLeader != null) {
            body.put("responsibleLeader", responsibleLeader);
        }
        if (source != null) {
            body.put("source", source);
        }
    }
}
