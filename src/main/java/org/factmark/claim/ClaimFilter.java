package org.factmark.claim;

/**
 * Which claims to list across documents; a null field does not filter. {@code waitingDays} keeps
 * claims sent to review (or, if never sent, created) at least that many days ago.
 */
public record ClaimFilter(ClaimStatus status, String type, Long documentId, String author, String outlet,
        Integer waitingDays) {

    public static ClaimFilter status(ClaimStatus status) {
        return new ClaimFilter(status, null, null, null, null, null);
    }
}
