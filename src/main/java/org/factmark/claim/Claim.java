package org.factmark.claim;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A checkable statement marked in a document. {@code start} and {@code end} count UTF-16 code units
 * of the document's text (end exclusive) and {@code quote} is the text there; {@code version} goes
 * up with every change and must be named by whoever changes or deletes the claim. The verdict
 * ({@code rating}, {@code rationale}, and who decided when as {@code verifiedBy} and {@code verifiedAt},
 * also for a rejection) is set by the review workflow.
 */
public record Claim(long id, long documentId, int start, int end, String quote, String prefix, String suffix,
        String type, Confidence confidence, @Nullable String claimant, @Nullable String note, String restatement,
        ClaimStatus status, int version, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        @Nullable Rating rating, @Nullable String rationale, @Nullable String verifiedBy,
        @Nullable Instant verifiedAt) {

    public Anchor anchor() {
        return new Anchor(start, end, quote, prefix, suffix);
    }
}
