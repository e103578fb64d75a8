package io.groundbreak.demo.generate;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;

/** A project of the plan known by name, with where its story ends (demo/named-projects.csv). */
record NamedProject(String name, String district, String chain, String investor, BigDecimal plannedYi, String park,
                    Stage finalStage) {
}
