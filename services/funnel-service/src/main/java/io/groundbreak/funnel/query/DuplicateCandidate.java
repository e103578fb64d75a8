package io.groundbreak.funnel.query;

/**
 * Two projects of different districts that are likely one investment, with the evidence: how alike their investors
 * and names are (0–1) and their planned investments' ratio (larger over smaller, 1 or more; null when either is 0,
 * not known yet). {@code first} has the smaller code.
 */
public record DuplicateCandidate(ComparedProject first, ComparedProject second, double investorSimilarity,
                                 double nameSimilarity, Double investmentRatio) {
}
