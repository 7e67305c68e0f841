package org.factmark.review;

import org.factmark.claim.ClaimCreated;
import org.factmark.claim.ClaimDeleted;
import org.factmark.claim.ClaimEdited;
import org.factmark.review.internal.HistoryRepository;
import org.factmark.source.SourceLinked;
import org.factmark.source.SourceUnlinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the claim history from the other features' events. Plain (synchronous) listeners run
 * inside the publishing transaction, so a change and its history row commit or fail together.
 */
@Component
class HistoryRecorder {

    private final HistoryRepository history;

    HistoryRecorder(HistoryRepository history) {
        this.history = history;
    }

    @EventListener
    void on(ClaimCreated event) {
        history.append(event.claim().id(), event.actorId(), "CLAIM_CREATED", null, event.claim());
    }

    @EventListener
    void on(ClaimEdited event) {
        history.append(event.after().id(), event.actorId(), "CLAIM_EDITED", event.before(), event.after());
    }

    @EventListener
    void on(ClaimDeleted event) {
        history.append(event.before().id(), event.actorId(), "CLAIM_DELETED", event.before(), null);
    }

    @EventListener
    void on(SourceLinked event) {
        history.append(event.link().claimId(), event.actorId(), "SOURCE_LINKED", null, event.link());
    }

    @EventListener
    void on(SourceUnlinked event) {
        history.append(event.link().claimId(), event.actorId(), "SOURCE_UNLINKED", event.link(), null);
    }
}
