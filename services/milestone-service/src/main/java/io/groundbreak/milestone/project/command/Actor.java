package io.groundbreak.milestone.project.command;

import java.util.Optional;

/** Who issues a command: recorded as {@code recordedBy}; a district office is bound to its district. */
public record Actor(String name, Optional<String> district) {

    public static Actor districtOffice(String name, String district) {
        return new Actor(name, Optional.of(district));
    }

    public static Actor cityWide(String name) {
        return new Actor(name, Optional.empty());
    }

    boolean mayActIn(String projectDistrict) {
        return district.map(projectDistrict::equals).orElse(true);
    }
}
