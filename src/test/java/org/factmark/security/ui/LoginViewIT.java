package org.factmark.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import org.factmark.security.LoginThrottledException;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.web.WebAttributes;

@IntegrationTest
class LoginViewIT extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void in_demo_mode_the_login_page_names_the_demo_accounts() {
        navigate(LoginView.class);

        assertThat($(Paragraph.class).single().getText()).contains("alice").contains("\"demo\"");
    }

    @Test
    @WithAnonymousUser
    void after_too_many_failed_sign_ins_the_form_says_when_to_try_again() {
        // Where Spring Security leaves the failure for the page it redirects to.
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LoginThrottledException(Instant.now().plusSeconds(299)));

        navigate(LoginView.class);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        var form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        // What the form's error box shows: its texts as sent to the browser.
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("Too many failed sign-ins")
                .contains("Try again in 5 minutes");
    }
}
