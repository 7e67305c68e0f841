package org.factmark.dashboard;

import java.time.Instant;

/**
 * One claim behind a figure, for the list that opens when a bar or point is clicked: its type by
 * name, its status as stored and its author by display name.
 */
public record ClaimBehind(long id, long documentId, String documentTitle, String quote, String type, String status,
        String author, Instant createdAt) {
}
