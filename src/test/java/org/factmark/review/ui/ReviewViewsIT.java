package org.factmark.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.factmark.IntegrationTest;
import org.factmark.review.InboxService;
import org.factmark.review.ReviewService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ReviewViewsIT extends SpringBrowserlessTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    InboxService inbox;

    @Test
    @WithUserDetails("editor")
    void the_review_queue_lists_the_demo_claims_waiting_for_a_verdict() {
        ReviewQueueView queue = navigate(ReviewQueueView.class);

        assertThat(test(queue.grid).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @WithUserDetails("admin")
    void an_admin_switches_the_four_eyes_rule_off_and_on() {
        ReviewSettingsView settings = navigate(ReviewSettingsView.class);

        test(settings.fourEyes).click();
        assertThat(reviews.fourEyesRequired()).isFalse();
        test(settings.fourEyes).click();
        assertThat(reviews.fourEyesRequired()).isTrue();
    }

    @Test
    @WithUserDetails("alice")
    void a_reviewer_cannot_open_the_assignments_or_the_review_settings() {
        for (Class<?> view : new Class<?>[] {AssignmentsView.class, ReviewSettingsView.class}) {
            try {
                navigate(view.asSubclass(com.vaadin.flow.component.Component.class));
            } catch (IllegalArgumentException expected) {
                // navigation ended somewhere else, as it should
            }
            assertThat(getCurrentView()).isNotInstanceOf(view);
        }
    }

    @Test
    @WithUserDetails("alice")
    void opening_the_inbox_lists_what_others_did_to_my_claims_and_marks_it_read() {
        // The demo's worked example has the editor verify and discuss claims that alice created.
        assertThat(inbox.unreadCount()).isPositive();

        InboxView view = navigate(InboxView.class);

        assertThat(test(view.grid).size()).isPositive();
        assertThat(view.grid.getListDataView().getItems().map(message -> InboxView.describe(message).getText()))
                .allMatch(text -> text.matches("\\S.* (commented on|verified|rejected) your claim “.+” in .+"));
        assertThat(inbox.unreadCount()).isZero();
    }
}
