package io.groundbreak.demo.generate;

import java.util.List;

/** How generated projects land in a district (demo/districts.csv). */
record DistrictProfile(String code, String abbreviation, double weight, List<Park> parks, List<String> chains) {
}
