package io.groundbreak.milestone.project.command;

import java.util.Optional;

/**
 * Who issues a command: recorded as {@code recordedBy}; a district office is bound to its district. A reviewer is a
 * district office's second pair of eyes (schema 1.3); a city-wide actor (ADMIN) may review any district's changes.
 */
public record Actor(String name, Optional<String> district, boolean reviewer) {

    public Actor(String name, Optional<String> district) {
        this(name, district, false);
    }

    public static Actor districtOffice(String name, String district) {
        return new Actor(name, Optional.of(district));
    }

    public static Actor reviewerOf(String name, String district) {
        return new Actor(name, Optional.of(district), true);
    }

    public static Actor cityWide(String name) {
        return new Actor(name, Optional.empty());
    }

    boolean mayActIn(String projectDistrict) {
        return district.map(projectDistrict::equals).orElse(true);
    }

    boolean mayReview() {
        return reviewer || district.isEmpty();
    }
}
