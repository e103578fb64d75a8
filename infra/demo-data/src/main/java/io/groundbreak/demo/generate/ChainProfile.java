package io.groundbreak.demo.generate;

import java.util.List;

/** How often a chain occurs among generated projects, and its investors' trade words (demo/chains.csv). */
record ChainProfile(String code, double weight, List<String> trades) {
}
