package io.groundbreak.funnel.web;

/** A district's, a chain's or the whole answer's (code and names null) targets against actuals. */
record TargetRowAnswer(String code, String nameZh, String nameEn, TargetFiguresAnswer figures) {

    static TargetRowAnswer of(Label label, TargetFiguresAnswer figures) {
        return new TargetRowAnswer(label.code(), label.nameZh(), label.nameEn(), figures);
    }
}
