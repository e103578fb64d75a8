package io.groundbreak.funnel.web;

import java.math.BigDecimal;

/** One stage of a funnel answer: its code (as in events) and names, and its figures. */
record StageAnswer(String stage, String nameZh, String nameEn, long reached, long current, long lost,
                   BigDecimal reachedInvestmentCny, BigDecimal currentInvestmentCny) {
}
