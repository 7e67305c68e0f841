package org.factmark.review.ui;

/** The review feature's stored event codes in words, for the history and the inbox. */
final class ReviewLabels {

    private ReviewLabels() {
    }

    /** One step of a claim's history as the timeline tells it. */
    static String historyEvent(String action) {
        return switch (action) {
            case "CLAIM_CREATED" -> "created the claim";
            case "CLAIM_EDITED" -> "edited the claim";
            case "CLAIM_DELETED" -> "deleted the claim";
            case "SOURCE_LINKED" -> "cited a source";
            case "SOURCE_UNLINKED" -> "removed a source";
            case "COMMENTED" -> "commented";
            case "SENT_TO_REVIEW" -> "sent it to review";
            case "VERIFIED" -> "verified it";
            case "REJECTED" -> "rejected it";
            case "REOPENED" -> "reopened it";
            default -> "changed the claim";
        };
    }
}
