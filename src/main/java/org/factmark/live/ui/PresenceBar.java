package org.factmark.live.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.Presence;
import org.factmark.live.PresenceService;
import org.factmark.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Who else has this document open (avatars with names) and which claim each of them is editing.
 * While it is on screen the browser beats every {@value PresenceService#HEARTBEAT_SECONDS} s; a tab
 * that closes or loses its connection stops beating and disappears from everyone's bar.
 */
public final class PresenceBar extends HorizontalLayout {

    private final PresenceService presence;
    private final LongFunction<String> claimLabel;
    private final long me;
    private final AvatarGroup avatars = new AvatarGroup();
    private final Span editing = new Span();
    private Consumer<Map<Long, List<String>>> editorsListener = editors -> { };
    private long documentId;
    private String tab;
    /** The claim this tab edits, announced again whenever the tab (re)joins. */
    private Long editingClaimId;
    private List<Presence> others = List.of();

    /** {@code claimLabel} names a claim for "… is editing <label>"; it may return null for unknown claims. */
    public PresenceBar(PresenceService presence, ChangeFeed feed, LongFunction<String> claimLabel) {
        this.presence = presence;
        this.claimLabel = claimLabel;
        this.me = CurrentUser.require().id();
        addClassName("presence-bar");
        // A name ("Also here: …", set by refresh) is allowed only on an element with a role.
        getElement().setAttribute("role", "group");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(true);
        avatars.setMaxItemsVisible(6);
        editing.addClassName("presence-editing");
        add(avatars, editing);
        avatars.setWidth("12rem");
        avatars.getStyle().set("flex-shrink", "0");
        setFlexGrow(1, editing);
        setWidthFull();
        getElement().addEventListener("fm-alive", beat -> beat());
        getElement().addEventListener("fm-leave", gone -> leave());
        LiveUpdates.follow(this, feed, change -> change.kind() == Change.Kind.PRESENCE && change.subjectId() == documentId,
                changes -> refresh());
    }

    /** Shows the bar for a (new) document and announces the signed-in user there. */
    public void enter(long documentId) {
        if (documentId == this.documentId && tab != null) {
            return;
        }
        leave();
        this.documentId = documentId;
        editingClaimId = null;
        if (isAttached()) {
            join();
        }
        refresh();
    }

    /** Tells the others which claim this tab now edits, or none. */
    public void editing(Long claimId) {
        editingClaimId = claimId;
        if (tab != null) {
            presence.editing(tab, claimId);
        }
    }

    private void join() {
        tab = presence.join(documentId);
        if (editingClaimId != null) {
            presence.editing(tab, editingClaimId);
        }
    }

    /** Called with claim id → names of the others editing it, whenever that may have changed. */
    public void onEditorsChanged(Consumer<Map<Long, List<String>>> listener) {
        this.editorsListener = listener;
    }

    /** Re-reads the presence (after claims changed, so that the labels follow). */
    public void refresh() {
        others = documentId == 0 ? List.of()
                : presence.inDocument(documentId).stream().filter(person -> person.userId() != me).toList();
        avatars.setItems(others.stream().map(person -> {
            var item = new AvatarGroup.AvatarGroupItem(person.displayName());
            item.setColorIndex((int) (person.userId() % 7));
            return item;
        }).toList());
        avatars.setVisible(!others.isEmpty());
        getElement().setAttribute("aria-label", others.isEmpty() ? "Nobody else has this document open"
                : "Also here: " + others.stream().map(Presence::displayName).collect(Collectors.joining(", ")));
        editing.setText(others.stream().filter(person -> person.editingClaimId() != null)
                .map(person -> {
                    String label = claimLabel.apply(person.editingClaimId());
                    return person.displayName() + " is editing" + (label == null ? " a claim" : " " + label);
                })
                .collect(Collectors.joining(" · ")));
        editorsListener.accept(others.stream().filter(person -> person.editingClaimId() != null)
                .collect(Collectors.groupingBy(Presence::editingClaimId,
                        Collectors.mapping(Presence::displayName, Collectors.toList()))));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (documentId != 0 && tab == null) {
            join();
        }
        // The beat stops with the tab, or when this element leaves the page.
        getElement().executeJs("""
                const bar = this;
                clearInterval(bar.fmBeat);
                bar.fmBeat = setInterval(() => bar.isConnected ? bar.dispatchEvent(new CustomEvent('fm-alive'))
                    : clearInterval(bar.fmBeat), $0);
                addEventListener('pagehide', () => bar.dispatchEvent(new CustomEvent('fm-leave')), { once: true });
                """, PresenceService.HEARTBEAT_SECONDS * 1000);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        leave();
    }

    private void beat() {
        if (documentId != 0 && (tab == null || !presence.beat(tab))) {
            // Swept away meanwhile (a laptop asleep, say): come back.
            join();
        }
    }

    private void leave() {
        if (tab != null) {
            String leaving = tab;
            tab = null;
            try {
                presence.leave(leaving);
            } catch (AccessDeniedException | AuthenticationException signedOut) {
                // Detached as the session ends, with nobody signed in: the sweep removes the tab.
            }
        }
    }
}
