package org.factmark.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.review.ReviewService;
import org.factmark.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ChangeFeedIT {

    private static final String TEXT = "The minister said 40 percent of the budget went to defence in 2024.";
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    ChangeFeed feed;
    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    ReviewService reviews;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    UserDetailsService userDetails;

    SignedIn signedIn;
    ChangeRecorder recorder;
    long documentId;

    @BeforeEach
    void setUp() {
        signedIn = new SignedIn(userDetails);
        signedIn.as("alice");
        documentId = documents.add(new NewDocument("Feed test", TEXT, null, null, null)).id();
        recorder = new ChangeRecorder(feed);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        SecurityContextHolder.clearContext();
    }

    private Claim claim(String quote) {
        int start = TEXT.indexOf(quote);
        return claims.create(documentId, new ClaimDraft(start, start + quote.length(), "statistic", Confidence.HIGH,
                null, null, null, null));
    }

    @Test
    void a_saved_claim_is_announced_with_its_document_and_who_saved_it() throws InterruptedException {
        Claim saved = claim("40 percent");

        Change change = recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY);

        assertThat(change).isEqualTo(new Change(Change.Kind.CLAIM, documentId, saved.id(), CurrentUser.require().id()));
    }

    @Test
    void edits_comments_status_changes_and_deletions_are_each_announced() throws InterruptedException {
        Claim saved = claim("40 percent");
        recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY);

        Claim edited = claims.update(saved.id(), saved.version(),
                new ClaimChanges(null, null, null, null, Confidence.LOW, null, null, null));
        recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY);
        reviews.comment(saved.id(), "Which budget?");
        recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY);
        Claim inReview = reviews.sendToReview(saved.id(), edited.version());
        recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY);
        signedIn.as("bob");
        reviews.comment(saved.id(), "Looking into it");
        assertThat(recorder.await(heard -> heard.claimId() == saved.id(), PROMPTLY).actorId())
                .isEqualTo(CurrentUser.require().id());
        assertThat(inReview.version()).isGreaterThan(edited.version());
    }

    @Test
    void a_save_that_fails_announces_nothing() throws InterruptedException {
        long[] rolledBack = new long[1];
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            rolledBack[0] = claim("40 percent").id();
            throw new IllegalStateException("the save fails after the claim was written");
        })).hasMessageContaining("fails");
        Claim kept = claim("in 2024");

        assertThat(recorder.await(heard -> heard.kind() == Change.Kind.CLAIM && heard.subjectId() == documentId,
                PROMPTLY).claimId()).isEqualTo(kept.id());
        recorder.assertNothing(heard -> heard.claimId() == rolledBack[0], Duration.ofMillis(500));
        assertThat(rolledBack[0]).isPositive();
    }

    @Test
    void a_new_document_is_announced() throws InterruptedException {
        long added = documents.add(new NewDocument("Another", "Some text.", null, null, null)).id();

        assertThat(recorder.await(heard -> heard.kind() == Change.Kind.DOCUMENT && heard.subjectId() == added,
                PROMPTLY).actorId()).isEqualTo(CurrentUser.require().id());
    }

    @Test
    void payloads_that_are_not_ours_are_not_changes() {
        assertThat(Change.parse("claim:1:2:3")).contains(new Change(Change.Kind.CLAIM, 1, 2, 3));
        assertThat(Change.parse("claim:1:2")).isEmpty();
        assertThat(Change.parse("drop table:1:2:3")).isEmpty();
        assertThat(Change.parse(null)).isEmpty();
    }
}
