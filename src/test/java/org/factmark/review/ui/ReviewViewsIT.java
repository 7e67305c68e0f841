package org.factmark.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.factmark.IntegrationTest;
import org.factmark.review.InboxService;
import org.factmark.review.ReviewService;
import org.factmark.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ReviewViewsIT extends SpringBrowserlessTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    InboxService inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;

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
        // Other tests read alice's inbox too: the editor comments on one of her claims, unread until opened.
        long hers = jdbc.sql("select c.id from claim c join app_user u on u.id = c.created_by "
                + "where u.username = 'alice' and c.deleted_at is null order by c.id limit 1").query(Long.class).single();
        var signedIn = new SignedIn(userDetails);
        signedIn.as("editor");
        reviews.comment(hers, "Which ministry said so?");
        signedIn.as("alice");
        assertThat(inbox.unreadCount()).isPositive();

        InboxView view = navigate(InboxView.class);

        assertThat(test(view.grid).size()).isPositive();
        assertThat(view.grid.getListDataView().getItems().map(message -> InboxView.describe(message).getText()))
                .allMatch(text -> text.matches("\\S.* (commented on|verified|rejected) your claim “.+” in .+"));
        assertThat(inbox.unreadCount()).isZero();
    }
}
