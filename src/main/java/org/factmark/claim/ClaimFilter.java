package org.factmark.claim;

/**
 * Which claims to list across documents; a null field does not filter. {@code waitingDays} keeps
 * claims sent to review (or, if never sent, created) at least that many days ago; {@code text}
 * keeps claims whose quote contains it.
 */
public record ClaimFilter(ClaimStatus status, String type, Long documentId, String author, String outlet,
        Integer waitingDays, String text) {

    public ClaimFilter(ClaimStatus status, String type, Long documentId, String author, String outlet,
            Integer waitingDays) {
        this(status, type, documentId, author, outlet, waitingDays, null);
    }

    public static ClaimFilter status(ClaimStatus status) {
        return new ClaimFilter(status, null, null, null, null, null);
    }

    public static ClaimFilter quoting(String text) {
        return new ClaimFilter(null, null, null, null, null, null, text);
    }
}
