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
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import org.factmark.common.DemoMode;
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
        var i18n = LoginI18n.createDefault();
        // Spring Security keeps the last sign-in failure in the session for the page it redirects to.
        if (failed && VaadinSession.getCurrent().getSession()
                .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException throttled
                && throttled.retryAt().isAfter(Instant.now())) {
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("For your safety, this account or your address may not sign in "
                    + "for a while. Try again in " + throttled.retryAfterInWords() + ".");
        }
        form.setI18n(i18n);
        form.setError(failed);
    }
}
