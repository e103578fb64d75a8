package io.groundbreak.funnel.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * When two projects are likely one investment registered twice (docs/funnel.md "Duplicate candidates"): they belong
 * to different districts and the same chain, their investors are alike (at least {@code investorSimilarity}), their
 * names are alike (at least {@code nameSimilarity}) and their planned investments are within {@code investmentRatio}
 * of each other. A project of the same district is the district's own business; another chain is another investment.
 * A planned investment of 0 (or none) is not known yet, so no evidence either way: such a pair is judged on investors
 * and names alone, and has no ratio.
 */
public final class DuplicateRules {

    private final DuplicateSettings settings;

    public DuplicateRules(DuplicateSettings settings) {
        this.settings = settings;
    }

    /** The pair with its evidence when it is a candidate. */
    public Optional<DuplicateCandidate> compare(ComparedProject a, ComparedProject b) {
        return compare(Compared.of(a), Compared.of(b));
    }

    Optional<DuplicateCandidate> compare(Compared a, Compared b) {
        if (a.project().district().equals(b.project().district()) || !a.project().chain().equals(b.project().chain())) {
            return Optional.empty();
        }
        Double ratio = ratio(a.project().plannedInvestmentCny(), b.project().plannedInvestmentCny());
        if (ratio != null && ratio > settings.investmentRatio()) {
            return Optional.empty();
        }
        double investors = ComparableText.similarity(a.investor(), b.investor());
        if (investors < settings.investorSimilarity()) {
            return Optional.empty();
        }
        double names = ComparableText.similarity(a.name(), b.name());
        if (names < settings.nameSimilarity()) {
            return Optional.empty();
        }
        return Optional.of(pair(a.project(), b.project(), investors, names, ratio));
    }

    /** The pair with its evidence whatever it is (a decided pair is shown with it, candidate or not). */
    public DuplicateCandidate evidence(ComparedProject a, ComparedProject b) {
        Compared one = Compared.of(a);
        Compared other = Compared.of(b);
        return pair(a, b, ComparableText.similarity(one.investor(), other.investor()),
                ComparableText.similarity(one.name(), other.name()),
                ratio(a.plannedInvestmentCny(), b.plannedInvestmentCny()));
    }

    /** {@code first} is the one with the smaller id text, as a pair's decision names them. */
    private static DuplicateCandidate pair(ComparedProject a, ComparedProject b, double investors, double names,
                                           Double ratio) {
        boolean inOrder = a.projectId().toString().compareTo(b.projectId().toString()) <= 0;
        return new DuplicateCandidate(inOrder ? a : b, inOrder ? b : a, round(investors), round(names),
                ratio == null ? null : round(ratio));
    }

    /** The larger over the smaller; null unless both are known (more than 0). */
    private static Double ratio(BigDecimal a, BigDecimal b) {
        if (!known(a) || !known(b)) {
            return null;
        }
        return a.max(b).divide(a.min(b), MathContext.DECIMAL64).doubleValue();
    }

    private static boolean known(BigDecimal planned) {
        return planned != null && planned.signum() > 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** A project with its normalised investor's and name's bigrams, computed once per scan. */
    record Compared(ComparedProject project, java.util.Set<String> investor, java.util.Set<String> name) {

        static Compared of(ComparedProject project) {
            return new Compared(project, ComparableText.bigrams(ComparableText.investor(project.investor())),
                    ComparableText.bigrams(ComparableText.projectName(project.name())));
        }
    }
}
