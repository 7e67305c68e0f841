package org.factmark.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.WrappedSession;
import java.time.Instant;
import org.factmark.common.DemoMode;
import org.factmark.common.db.DatabaseUnavailable;
import org.factmark.security.LoginThrottledException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Factmark")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(DemoMode demoMode) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(new H1("Factmark"), form);

        if (demoMode.enabled()) {
            var demoAccounts = new Paragraph("Demo mode: sign in as admin, editor, alice or bob, "
                    + "each with the password \"demo\".");
            demoAccounts.addClassName("demo-accounts");
            add(demoAccounts);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        Throwable failure = failed ? lastSignInFailure() : null;
        if (DatabaseUnavailable.isCause(failure)) {
            // Not "incorrect password": the password could not be checked at all.
            form.setI18n(errorMessage("The database is not reachable right now",
                    "Your password could not be checked. Try again in a moment."));
        } else if (failure instanceof LoginThrottledException throttled && throttled.retryAt().isAfter(Instant.now())) {
            form.setI18n(errorMessage("Too many failed sign-ins", "For your safety, this account or your address "
                    + "may not sign in for a while. Try again in " + throttled.retryAfterInWords() + "."));
        }
        form.setError(failed);
    }

    private static LoginI18n errorMessage(String title, String message) {
        var i18n = LoginI18n.createDefault();
        var error = new LoginI18n.ErrorMessage();
        error.setTitle(title);
        error.setMessage(message);
        i18n.setErrorMessage(error);
        return i18n;
    }

    /** Spring Security keeps why the last sign-in failed in the session. */
    private static Throwable lastSignInFailure() {
        WrappedSession session = VaadinRequest.getCurrent() == null ? null
                : VaadinRequest.getCurrent().getWrappedSession(false);
        return session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Throwable t
                ? t : null;
    }
}
