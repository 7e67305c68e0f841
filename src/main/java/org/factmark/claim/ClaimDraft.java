package org.factmark.claim;

/**
 * A new claim as a reviewer or client submits it. {@code quote} is optional: when present it must
 * equal the text at {@code [start, end)}, which catches a client working on the wrong text.
 */
public record ClaimDraft(int start, int end, String type, Confidence confidence, String claimant, String note,
        String restatement, String quote) {
}
