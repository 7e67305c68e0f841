package org.factmark.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.common.InvalidInputException;
import org.factmark.common.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class UserFacingErrorsTest {

    @Test
    void a_refused_input_shows_the_services_own_words_even_when_wrapped() {
        var wrapped = new RuntimeException("listener failed", new InvalidInputException("The text is empty."));

        assertThat(UserFacingErrors.messageFor(wrapped)).isEqualTo("The text is empty.");
    }

    @Test
    void a_stale_version_says_someone_else_changed_it() {
        assertThat(UserFacingErrors.messageFor(new StaleVersionException("Changed by someone else meanwhile.")))
                .isEqualTo("Changed by someone else meanwhile.");
    }

    @Test
    void a_denied_action_is_explained_without_internals() {
        assertThat(UserFacingErrors.messageFor(new AccessDeniedException("Access Denied for bean x")))
                .isEqualTo("Your account is not allowed to do this.");
    }

    @Test
    void an_unexpected_error_shows_no_stack_trace_or_exception_text() {
        String message = UserFacingErrors.messageFor(new IllegalStateException("org.postgresql.util.PSQLException"));

        assertThat(message).contains("went wrong").doesNotContain("PSQLException").doesNotContain("Exception");
    }
}
