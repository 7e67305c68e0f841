package org.factmark.claim;

/** Where a claim is in the review workflow. Decided claims are read-only until an editor reopens them. */
public enum ClaimStatus {
    OPEN, IN_REVIEW, VERIFIED, REJECTED;

    public boolean isDecided() {
        return this == VERIFIED || this == REJECTED;
    }
}
