package org.factmark.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.api.HttpApi;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.common.NotAllowedException;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.review.ReviewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An admin's change to an account reaches the sessions already signed in to it: at once when made on
 * this instance, within a second when made on another.
 */
@IntegrationTest
class OpenSessionsIT {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    ReviewService reviews;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    SignedIn signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedIn(userDetails);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private UserAccount newAccount(Role role) {
        signedIn.as("admin");
        return users.create(role.name().toLowerCase() + "-" + System.nanoTime() % 1_000_000, null, PASSWORD,
                Set.of(role));
    }

    private void change(UserAccount account, Set<Role> roles, boolean enabled) {
        signedIn.as("admin");
        users.update(account.id(), currentVersion(account), null, roles, enabled);
    }

    private int currentVersion(UserAccount account) {
        return users.list().stream().filter(user -> user.id() == account.id()).findFirst().orElseThrow().version();
    }

    /** What an admin on another instance does: the database changes, and this instance hears nothing of it. */
    private void demoteToReviewerElsewhere(UserAccount account) {
        jdbc.sql("update user_role set role = 'REVIEWER' where user_id = :id").param("id", account.id()).update();
    }

    private Claim claimInReview() {
        signedIn.as("bob");
        long documentId = documents.add(new NewDocument("Demotion", "The council said the bridge cost 4 million.",
                null, null, null)).id();
        Claim claim = claims.create(documentId, new ClaimDraft(0, 43, "statistic", Confidence.HIGH, null, null, null,
                null));
        return reviews.sendToReview(claim.id(), claims.get(claim.id()).version());
    }

    @Test
    void an_editor_demoted_to_reviewer_while_signed_in_can_no_longer_reject_a_claim() {
        UserAccount account = newAccount(Role.EDITOR);
        Claim inReview = claimInReview();
        signedIn.as(account.username());
        Authentication editorsSession = SecurityContextHolder.getContext().getAuthentication();
        assertThat(reviews.mayDecide()).isTrue();

        change(account, Set.of(Role.REVIEWER), true);
        // The editor's browser tab still holds the authentication it signed in with.
        SecurityContextHolder.getContext().setAuthentication(editorsSession);

        assertThat(reviews.mayDecide()).isFalse();
        assertThatThrownBy(() -> reviews.decide(inReview.id(), inReview.version(), ClaimStatus.REJECTED, null,
                "Not checkable.")).isInstanceOf(NotAllowedException.class);
        assertThat(claims.get(inReview.id()).status()).isEqualTo(ClaimStatus.IN_REVIEW);
    }

    @Test
    void an_editor_demoted_on_another_instance_can_no_longer_reject_a_claim_over_the_api() {
        UserAccount account = newAccount(Role.EDITOR);
        Claim inReview = claimInReview();
        var api = new HttpApi(port);
        assertThat(api.get("/api/claims/" + inReview.id(), account.username(), PASSWORD).statusCode()).isEqualTo(200);

        demoteToReviewerElsewhere(account);
        var reject = api.send("PATCH", "/api/claims/" + inReview.id(),
                "{\"status\":\"REJECTED\",\"rationale\":\"Not checkable.\"}", account.username(), PASSWORD,
                "If-Match", "\"" + inReview.version() + "\"");

        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(403);
        signedIn.as("bob");
        assertThat(claims.get(inReview.id()).status()).isEqualTo(ClaimStatus.IN_REVIEW);
    }

    @Test
    void an_open_session_follows_a_demotion_on_another_instance_after_a_second_never_later()
            throws InterruptedException {
        UserAccount account = newAccount(Role.EDITOR);
        signedIn.as(account.username());
        Authentication editorsSession = SecurityContextHolder.getContext().getAuthentication();
        assertThat(reviews.mayDecide()).isTrue();

        demoteToReviewerElsewhere(account);
        Thread.sleep(1100);

        assertThat(reviews.mayDecide()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotSameAs(editorsSession);
    }

    @Test
    void a_password_reset_by_an_admin_signs_the_users_open_sessions_out() throws Exception {
        UserAccount account = newAccount(Role.REVIEWER);
        var browser = new BrowserSession(port);
        assertThat(browser.signIn(account.username(), PASSWORD)).isEqualTo("/");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        signedIn.as("admin");
        users.resetPassword(account.id(), currentVersion(account), "a new secret, not the stolen one");
        var next = browser.get("/");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void a_disabled_users_next_request_signs_them_out() throws Exception {
        UserAccount account = newAccount(Role.REVIEWER);
        var browser = new BrowserSession(port);
        assertThat(browser.signIn(account.username(), PASSWORD)).isEqualTo("/");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        change(account, Set.of(Role.REVIEWER), false);
        var next = browser.get("/");
        change(account, Set.of(Role.REVIEWER), true);
        var afterReenabling = browser.get("/");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(afterReenabling.statusCode()).as("the session was ended, not paused").isEqualTo(302);
    }
}
