package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.LightCounts;

/** How many projects of a district or chain (or of the whole answer: code and names null) have each light. */
record LightCountsAnswer(String code, String nameZh, String nameEn, long green, long amber, long red, long total) {

    static LightCountsAnswer of(Label label, LightCounts counts) {
        return new LightCountsAnswer(label.code(), label.nameZh(), label.nameEn(), counts.green(), counts.amber(),
                counts.red(), counts.total());
    }
}
