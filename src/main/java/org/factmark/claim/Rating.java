package org.factmark.claim;

/** A verdict on a ClaimReview-compatible scale; {@link #score()} is the 1-5 value that ClaimReview publishes. */
public enum Rating {
    TRUE(5, "True"), MOSTLY_TRUE(4, "Mostly true"), MIXED(3, "Mixed"), MISLEADING(2, "Misleading"),
    FALSE(1, "False"), UNPROVEN(3, "Unproven");

    private final int score;
    private final String words;

    Rating(int score, String words) {
        this.score = score;
        this.words = words;
    }

    public int score() {
        return score;
    }

    public String words() {
        return words;
    }
}
