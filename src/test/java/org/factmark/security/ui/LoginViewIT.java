package org.factmark.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;

@IntegrationTest
class LoginViewIT extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void in_demo_mode_the_login_page_names_the_demo_accounts() {
        navigate(LoginView.class);

        assertThat($(Paragraph.class).single().getText()).contains("alice").contains("\"demo\"");
    }
}
