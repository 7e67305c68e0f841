package org.factmark.security.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Notifications;
import org.factmark.common.ui.TextLimits;
import org.factmark.common.ui.Unsaved;
import org.factmark.security.Role;
import org.factmark.security.UserAccount;
import org.factmark.security.UserService;

/**
 * The admin's dialogs. Each closes only when the service accepted the change; a refused change
 * leaves the dialog open with what was typed, and the error handler says why.
 */
final class UserDialogs {

    private UserDialogs() {
    }

    static Dialog create(UserService users, Runnable onSaved) {
        var errors = new FieldErrors();
        var username = errors.limited(UserService.USERNAME_FIELD, new TextField("Username"));
        var displayName = errors.limited(UserService.DISPLAY_NAME, new TextField("Name"));
        var password = password(errors, "Password");
        var roles = errors.at(UserService.ROLES, roleChoice(EnumSet.of(Role.REVIEWER)));
        return dialog("Add user", errors, new FormLayout(username, displayName, password, roles), () -> {
            UserAccount created = users.create(username.getValue(), displayName.getValue(), password.getValue(),
                    roles.getValue());
            Notifications.success("Added " + created.username() + ".");
        }, onSaved);
    }

    static Dialog edit(UserService users, UserAccount user, Runnable onSaved) {
        var errors = new FieldErrors();
        var displayName = errors.limited(UserService.DISPLAY_NAME, new TextField("Name"));
        displayName.setValue(user.displayName());
        var roles = errors.at(UserService.ROLES, roleChoice(user.roles()));
        var enabled = new Checkbox("May sign in", user.enabled());
        return dialog("Edit " + user.username(), errors, new FormLayout(displayName, roles, enabled), () -> {
            users.update(user.id(), user.version(), displayName.getValue(), roles.getValue(), enabled.getValue());
            Notifications.success("Saved " + user.username() + ".");
        }, onSaved);
    }

    static Dialog resetPassword(UserService users, UserAccount user, Runnable onSaved) {
        var errors = new FieldErrors();
        var password = password(errors, "New password");
        return dialog("New password for " + user.username(), errors, new FormLayout(password), () -> {
            users.resetPassword(user.id(), user.version(), password.getValue());
            Notifications.success("The password of " + user.username() + " was reset.");
        }, onSaved);
    }

    private static PasswordField password(FieldErrors errors, String label) {
        var password = errors.at(UserService.PASSWORD, new PasswordField(label));
        password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        TextLimits.apply(password, UserService.MAX_PASSWORD_BYTES);
        return password;
    }

    private static CheckboxGroup<Role> roleChoice(Set<Role> selected) {
        var roles = new CheckboxGroup<Role>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Formats::words);
        roles.setValue(selected);
        return roles;
    }

    /** The form's refusals show at its fields; closing it with something typed in it asks first. */
    private static Dialog dialog(String title, FieldErrors errors, FormLayout form, Runnable save, Runnable onSaved) {
        var dialog = new Dialog(title);
        dialog.add(form);
        var unsaved = new Unsaved(form.getChildren().filter(HasValue.class::isInstance)
                .map(field -> (HasValue<?, ?>) field).toArray(HasValue[]::new));
        unsaved.guard(dialog);
        var saveButton = Actions.once(new Button("Save"), () -> errors.run(() -> {
            save.run();
            dialog.close();
            onSaved.run();
        }));
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> unsaved.confirmDiscard(dialog::close)), saveButton);
        return dialog;
    }
}
