package org.factmark.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("admin")
class UserServiceIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static String newUsername() {
        return "user" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    private int statusOfSignIn(String username, String password) {
        return new HttpApi(port).get("/api/documents", username, password).statusCode();
    }

    @Test
    void an_admin_adds_a_user_who_can_then_sign_in() {
        UserAccount created = users.create(newUsername(), "New Reviewer", PASSWORD, Set.of(Role.REVIEWER));

        assertThat(created.roles()).containsExactly(Role.REVIEWER);
        assertThat(created.enabled()).isTrue();
        assertThat(statusOfSignIn(created.username(), PASSWORD)).isEqualTo(200);
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        UserAccount created = users.create(newUsername(), null, PASSWORD, Set.of(Role.REVIEWER));

        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", created.id())
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void a_disabled_user_cannot_sign_in() {
        UserAccount created = users.create(newUsername(), null, PASSWORD, Set.of(Role.REVIEWER));

        users.update(created.id(), created.version(), created.displayName(), created.roles(), false);

        assertThat(statusOfSignIn(created.username(), PASSWORD)).isEqualTo(401);
    }

    @Test
    void a_reset_password_replaces_the_old_one() {
        UserAccount created = users.create(newUsername(), null, PASSWORD, Set.of(Role.EDITOR));

        users.resetPassword(created.id(), created.version(), "a brand new secret");

        assertThat(statusOfSignIn(created.username(), PASSWORD)).isEqualTo(401);
        assertThat(statusOfSignIn(created.username(), "a brand new secret")).isEqualTo(200);
    }

    @Test
    void a_change_based_on_a_stale_version_is_refused_and_changes_nothing() {
        UserAccount created = users.create(newUsername(), "Before", PASSWORD, Set.of(Role.REVIEWER));
        users.update(created.id(), created.version(), "First edit", created.roles(), true);

        assertThatThrownBy(() -> users.update(created.id(), created.version(), "Second edit", Set.of(Role.ADMIN), true))
                .isInstanceOf(StaleVersionException.class);
        UserAccount now = users.list().stream().filter(user -> user.id() == created.id()).findFirst().orElseThrow();
        assertThat(now.displayName()).isEqualTo("First edit");
        assertThat(now.roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void a_username_is_taken_only_once() {
        String username = newUsername();
        users.create(username, null, PASSWORD, Set.of(Role.REVIEWER));

        assertThatThrownBy(() -> users.create(username, null, PASSWORD, Set.of(Role.REVIEWER)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already taken");
    }

    @Test
    void a_password_over_72_bytes_is_refused_with_a_message_even_when_it_is_shorter_in_characters() {
        assertThatThrownBy(() -> users.create(newUsername(), null, "é".repeat(40), Set.of(Role.REVIEWER)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("72 bytes");
    }

    @Test
    void short_passwords_and_users_without_roles_are_refused() {
        assertThatThrownBy(() -> users.create(newUsername(), null, "short", Set.of(Role.REVIEWER)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least");
        assertThatThrownBy(() -> users.create(newUsername(), null, PASSWORD, Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("role");
    }

    @Test
    void an_admin_cannot_lock_themselves_out() {
        UserAccount me = users.list().stream().filter(user -> user.username().equals("admin")).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> users.update(me.id(), me.version(), me.displayName(), Set.of(Role.REVIEWER), true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.update(me.id(), me.version(), me.displayName(), me.roles(), false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @WithUserDetails("alice")
    void a_reviewer_cannot_manage_users() {
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(newUsername(), null, PASSWORD, Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("editor")
    void an_editor_cannot_manage_users_either() {
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
    }
}
