package io.groundbreak.funnel.web;

/** One district's one chain: its target against its actuals. */
record TargetCellAnswer(Label district, Label chain, TargetFiguresAnswer figures) {
}
