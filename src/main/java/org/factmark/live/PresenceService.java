package org.factmark.live;

import java.util.List;
import java.util.UUID;
import org.factmark.live.internal.PresenceRepository;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has which document open, and which claim each of them is editing, across all instances.
 * Every open workspace (browser tab) is one row, kept alive by the tab's heartbeat; a tab that
 * stops beating (closed, offline, crashed) is swept away after {@link #TIMEOUT_SECONDS}.
 */
@Service
public class PresenceService {

    /** A tab that has not been heard of for this long has gone. Tabs beat every {@link #HEARTBEAT_SECONDS}. */
    static final int TIMEOUT_SECONDS = 8;
    public static final int HEARTBEAT_SECONDS = 2;

    private final PresenceRepository presence;

    PresenceService(PresenceRepository presence) {
        this.presence = presence;
    }

    /** The signed-in user opened the document in a new tab; the returned key names that tab from now on. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public String join(long documentId) {
        String tab = UUID.randomUUID().toString();
        presence.insert(tab, documentId, CurrentUser.require().id());
        return tab;
    }

    /** The tab is still open; false when it was swept away meanwhile (and has to join again). */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public boolean beat(String tab) {
        return presence.touch(tab, CurrentUser.require().id());
    }

    /** The tab now edits this claim (or none, with null). */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void editing(String tab, Long claimId) {
        presence.editing(tab, CurrentUser.require().id(), claimId);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void leave(String tab) {
        presence.delete(tab, CurrentUser.require().id());
    }

    /** Everyone with the document open, one entry per user (the tab edits a claim wins), by name. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Presence> inDocument(long documentId) {
        return presence.inDocument(documentId);
    }

    /** Every instance sweeps; a row is deleted once, and its deletion is announced like a leave. */
    @Scheduled(fixedDelay = HEARTBEAT_SECONDS * 1000, initialDelay = HEARTBEAT_SECONDS * 1000)
    @Transactional
    void sweepSilentTabs() {
        presence.deleteSilentFor(TIMEOUT_SECONDS);
    }
}
