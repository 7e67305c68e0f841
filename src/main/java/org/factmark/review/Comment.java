package org.factmark.review;

import java.time.Instant;

/** One message in the discussion thread of a claim. */
public record Comment(long id, long claimId, String author, String text, Instant createdAt) {
}
