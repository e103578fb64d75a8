package io.groundbreak.demo.generate;

import java.util.Set;

/** An industrial park of a district; one with chains hosts projects of those chains only. */
record Park(String name, Set<String> chains) {

    boolean hosts(String chain) {
        return chains.isEmpty() || chains.contains(chain);
    }

    boolean specialisesIn(String chain) {
        return chains.contains(chain);
    }
}
