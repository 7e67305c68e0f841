package org.factmark.review;

import java.time.Instant;

/** A document assigned to a reviewer, with that reviewer's progress on it. */
public record Assignment(long documentId, String documentTitle, String reviewer, AssignmentState state,
        String assignedBy, Instant assignedAt) {
}
