package org.factmark.dashboard;

import java.util.List;

/**
 * How often reviewers chose the same claim type where two of them marked overlapping spans of one
 * document: per pair of reviewers and, as Krippendorff's alpha, for the whole team. Each overlapping
 * pair of claims is one unit, coded by two reviewers.
 *
 * @param alpha Krippendorff's alpha (nominal) over all units; NaN when it is undefined
 */
public record Agreement(List<Pair> pairs, long units, double alpha) {

    /**
     * @param rawAgreement share of the overlaps where both chose the same type
     * @param kappa Cohen's kappa for the two; NaN when undefined (both always chose one same type)
     */
    public record Pair(String reviewer, String otherReviewer, long overlaps, long agreed, double rawAgreement,
            double kappa) {
    }

    /** Two overlapping claims by the pair's reviewers that differ in type, for side-by-side reading. */
    public record Disagreement(long documentId, String documentTitle, long claimId, String quote, String type,
            long otherClaimId, String otherQuote, String otherType) {
    }
}
