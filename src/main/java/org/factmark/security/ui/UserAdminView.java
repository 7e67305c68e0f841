package org.factmark.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.factmark.common.ui.Formats;
import org.factmark.security.UserAccount;
import org.factmark.security.UserService;

/** Admins add users, set their roles, reset passwords and disable accounts. */
@Route("admin/users")
@PageTitle("Users · Factmark")
@Menu(title = "Users", order = 90)
@RolesAllowed("ADMIN")
class UserAdminView extends VerticalLayout {

    private final UserService users;
    final Grid<UserAccount> grid = new Grid<>();
    final Button addUser = new Button("Add user");

    UserAdminView(UserService users) {
        this.users = users;
        setSizeFull();

        grid.addColumn(UserAccount::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader("Name").setFlexGrow(1);
        grid.addColumn(user -> user.roles().stream().sorted().map(Formats::words).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(user -> user.enabled() ? "Active" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.addColumn(user -> Formats.date(LocalDate.ofInstant(user.createdAt(), ZoneId.systemDefault()))).setHeader("Added").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);

        addUser.addThemeVariants(ButtonVariant.PRIMARY);
        addUser.addClickListener(click -> UserDialogs.create(users, this::refresh).open());

        add(new HorizontalLayout(new H2("Users"), addUser), grid);
        refresh();
    }

    private HorizontalLayout actions(UserAccount user) {
        var edit = new Button("Edit", click -> UserDialogs.edit(users, user, this::refresh).open());
        var password = new Button("Reset password",
                click -> UserDialogs.resetPassword(users, user, this::refresh).open());
        edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        password.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return new HorizontalLayout(edit, password);
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
