package org.factmark;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.ui.LiveUpdates;
import org.factmark.review.InboxService;
import org.factmark.security.FactmarkUser;

/** The frame around every signed-in view: navigation built from the views' {@code @Menu}, and the user. */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    final Button inboxButton = new Button("Inbox");
    final Span unreadBadge = new Span();
    private final Anchor skipLink = skipLink();
    private boolean navigatedBefore;
    private final InboxService inbox;

    MainLayout(AuthenticationContext authentication, InboxService inbox, ChangeFeed changes) {
        this.inbox = inbox;
        var brand = new Span("Factmark");
        brand.addClassName("brand");

        var navigation = new SideNav();
        // Menu entries are already filtered by access: a reviewer never sees the admin's views.
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> navigation.addItem(new SideNavItem(entry.title(), entry.path())));

        var userName = new Span(authentication.getAuthenticatedUser(FactmarkUser.class)
                .map(FactmarkUser::displayName).orElse(""));
        // On a phone the name gives way to the actions; the button still says whose session it ends.
        userName.addClassName("user-name");
        var signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.getElement().setAttribute("title", "Signed in as " + userName.getText());

        inboxButton.addThemeVariants(ButtonVariant.TERTIARY);
        unreadBadge.addClassName("inbox-badge");
        inboxButton.setSuffixComponent(unreadBadge);
        inboxButton.addClickListener(click -> inboxButton.getUI().ifPresent(ui -> ui.navigate("inbox")));
        showUnread();
        authentication.getAuthenticatedUser(FactmarkUser.class).map(FactmarkUser::id).ifPresent(me ->
                LiveUpdates.follow(this, changes,
                        change -> change.kind() == Change.Kind.INBOX && change.subjectId() == me,
                        batch -> showUnread()));

        var header = new HorizontalLayout(new DrawerToggle(), brand, inboxButton, userName, signOut);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.setPadding(true);
        addToNavbar(skipLink, header);
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * The first stop of Tab on every page: it moves the focus to the view's main part (the document
     * text in the workspace, marked {@code data-skip-target}), past the header and the navigation.
     * Shown only while it has the focus.
     */
    private static Anchor skipLink() {
        var link = new Anchor("#content", "Skip to content");
        link.addClassName("skip-link");
        link.getElement().setAttribute("router-ignore", true);
        link.getElement().executeJs("""
                this.addEventListener('click', (e) => {
                  const layout = this.closest('vaadin-app-layout');
                  const view = layout && [...layout.children].find((child) => !child.hasAttribute('slot'));
                  const target = document.querySelector('[data-skip-target]') || view;
                  if (!target) return;
                  e.preventDefault();
                  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
                  target.focus();
                });""");
        return link;
    }

    /**
     * A view opened from a keyboard (Enter on a grid row, say) removes what had the focus, and Tab would
     * then start from wherever the browser guesses: the focus goes to the top of the page instead, to
     * the skip link. Not on the first view, which the browser opens with the focus at the top anyway.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (navigatedBefore) {
            skipLink.getElement().executeJs("""
                    const active = document.activeElement;
                    if (!active || active === document.body || !active.isConnected) this.focus({preventScroll: true});""");
        }
        navigatedBefore = true;
    }

    /** The inbox button carries a badge with the number of unread messages, while there are any. */
    private void showUnread() {
        int unread = inbox.unreadCount();
        unreadBadge.setText(String.valueOf(unread));
        unreadBadge.setVisible(unread > 0);
        inboxButton.getElement().setAttribute("aria-label", unread == 0 ? "Inbox, nothing unread"
                : "Inbox, " + unread + " unread");
    }
}
