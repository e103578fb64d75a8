package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.query.Funnel;
import java.time.LocalDate;
import java.util.List;

/** GET /api/funnel: the five stages in order with their names, and the conversions between them. */
record FunnelAnswer(LocalDate asOf, List<StageAnswer> stages, List<Funnel.Conversion> conversions, Freshness freshness) {

    static FunnelAnswer of(Funnel funnel, Labels labels, Freshness freshness) {
        return new FunnelAnswer(funnel.asOf(), funnel.stages().stream().map(figures -> {
            Label stage = labels.stage(figures.stage());
            return new StageAnswer(stage.code(), stage.nameZh(), stage.nameEn(), figures.reached(), figures.current(),
                    figures.lost(), figures.reachedInvestmentCny(), figures.currentInvestmentCny());
        }).toList(), funnel.conversions(), freshness);
    }
}
