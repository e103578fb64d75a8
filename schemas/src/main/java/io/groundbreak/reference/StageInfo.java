package io.groundbreak.reference;

import io.groundbreak.events.Stage;

/** The names of a funnel stage; {@code order} is 1 for TALKS up to 5 for PRODUCING. */
public record StageInfo(Stage stage, String nameZh, String nameEn, int order) {

    /** The code as it appears in events and in stages.csv, e.g. {@code SIGNED}. */
    public String code() {
        return stage.name();
    }
}
