package org.factmark.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Tells a reviewer that someone commented on, verified or rejected a claim they created.
 *
 * @param event {@code COMMENTED}, {@code VERIFIED} or {@code REJECTED}
 * @param reason the rationale the editor gave with a verdict, else null
 */
public record InboxMessage(long id, long claimId, long documentId, String documentTitle, String claimQuote,
        String actor, String event, Instant at, boolean read, @Nullable String reason) {
}
