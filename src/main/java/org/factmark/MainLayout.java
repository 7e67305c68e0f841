package org.factmark;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.factmark.security.FactmarkUser;

/** The frame around every signed-in view: navigation built from the views' {@code @Menu}, and the user. */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        var brand = new Span("Factmark");
        brand.addClassName("brand");

        var navigation = new SideNav();
        // Menu entries are already filtered by access: a reviewer never sees the admin's views.
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> navigation.addItem(new SideNavItem(entry.title(), entry.path())));

        var userName = new Span(authentication.getAuthenticatedUser(FactmarkUser.class)
                .map(FactmarkUser::displayName).orElse(""));
        var signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);

        var header = new HorizontalLayout(new DrawerToggle(), brand, userName, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.setPadding(true);
        addToNavbar(header);
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }
}
