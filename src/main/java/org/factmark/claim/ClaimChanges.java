package org.factmark.claim;

/**
 * Changes to a claim; a null field is left as it is. To move the span, give {@code start} and
 * {@code end} (and optionally {@code quote}, checked like a new claim's). An empty string clears
 * an optional text field.
 */
public record ClaimChanges(Integer start, Integer end, String quote, String type, Confidence confidence,
        String claimant, String note, String restatement) {

    public static ClaimChanges none() {
        return new ClaimChanges(null, null, null, null, null, null, null, null);
    }

    /** True when nothing would change; saving it would only bump the version. */
    public boolean isEmpty() {
        return equals(none());
    }

    boolean movesSpan() {
        return start != null || end != null;
    }
}
