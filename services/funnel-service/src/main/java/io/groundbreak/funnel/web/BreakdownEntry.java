package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.Funnel;
import java.util.List;

/** One district's or chain's funnel in a breakdown. */
record BreakdownEntry(String code, String nameZh, String nameEn, List<StageAnswer> stages,
                      List<Funnel.Conversion> conversions) {
}
