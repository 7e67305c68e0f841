package org.factmark.review;

import java.util.List;
import org.factmark.review.internal.InboxRepository;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in reviewer's inbox: what others did to the claims they created. Messages are
 * written by {@link ReviewService} in the same transaction as the comment or the decision.
 */
@Service
public class InboxService {

    static final int SHOWN = 200;

    private final InboxRepository inbox;

    InboxService(InboxRepository inbox) {
        this.inbox = inbox;
    }

    /** The latest messages, newest first. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<InboxMessage> mine() {
        return inbox.latest(CurrentUser.require().id(), SHOWN);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public int unreadCount() {
        return inbox.unread(CurrentUser.require().id());
    }

    /** Marks every message up to and including {@code upToId} as read (what the reviewer has seen). */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void markRead(long upToId) {
        inbox.markRead(CurrentUser.require().id(), upToId);
    }
}
