package org.factmark.review;

import java.time.Instant;

/**
 * Tells a reviewer that someone commented on, verified or rejected a claim they created.
 *
 * @param event {@code COMMENTED}, {@code VERIFIED} or {@code REJECTED}
 */
public record InboxMessage(long id, long claimId, long documentId, String documentTitle, String claimQuote,
        String actor, String event, Instant at, boolean read) {
}
