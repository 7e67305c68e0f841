package org.factmark.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.test.context.support.WithAnonymousUser;

@IntegrationTest
class NotificationsIT extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void a_saved_change_whose_page_cannot_be_brought_up_to_date_says_it_is_saved_instead_of_asking_to_try_again() {
        Notifications.saved("Saved the claim (Statistic).", () -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("factmark - Connection is not available"));
        });

        List<String> shown = $(Notification.class).all().stream().map(notification -> test(notification).getText())
                .toList();
        assertThat(shown).anySatisfy(text -> assertThat(text)
                .startsWith("Saved the claim (Statistic). The page could not be brought up to date")
                .contains("instead of saving again"));
        assertThat(shown).noneMatch(text -> text.contains("try again"));
    }
}
