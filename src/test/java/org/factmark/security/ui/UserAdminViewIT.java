package org.factmark.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.security.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class UserAdminViewIT extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("alice")
    void a_reviewer_cannot_open_the_admin_view() {
        assertThatThrownBy(() -> navigate(UserAdminView.class));
        assertThat(getCurrentView()).isNotInstanceOf(UserAdminView.class);
    }

    @Test
    @WithUserDetails("editor")
    void an_editor_cannot_open_the_admin_view() {
        assertThatThrownBy(() -> navigate(UserAdminView.class));
        assertThat(getCurrentView()).isNotInstanceOf(UserAdminView.class);
    }

    @Test
    @WithUserDetails("admin")
    void an_admin_sees_every_account_with_its_roles() {
        UserAdminView view = navigate(UserAdminView.class);

        var grid = test(view.grid);
        var usernames = IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(UserAccount::username).toList();
        assertThat(usernames).contains("admin", "editor", "alice", "bob");
    }
}
