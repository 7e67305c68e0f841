package org.factmark.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StaleVersionException;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.source.NewSource;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class ReviewWorkflowIT {

    private static final String TEXT = "Three Russian sources said the talks failed. A U.S. official denied any contact.";

    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;
    @Autowired
    SourceService sources;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxService inbox;

    SignedIn signedIn;
    long documentId;
    int claimsMade;

    @BeforeEach
    void setUp() {
        signedIn = new SignedIn(userDetails);
        signedIn.as("bob");
        documentId = documents.add(new NewDocument("Review workflow", TEXT, null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A claim by bob, in the given status, citing one source; a note of its own makes it no repeat of the last. */
    private Claim claimBy(String author, ClaimStatus status) {
        signedIn.as(author);
        Claim claim = claims.create(documentId, new ClaimDraft(0, 44, "attribution", Confidence.HIGH, null,
                "claim " + (++claimsMade), null, null));
        long source = sources.findOrCreate(NewSource.web("https://example.org/report-" + claim.id(), "Report", "Example",
                SourceKind.NEWS_REPORT)).source().id();
        sources.link(claim.id(), source, Stance.SUPPORTS, null);
        if (status != ClaimStatus.OPEN) {
            claim = reviews.sendToReview(claim.id(), claims.get(claim.id()).version());
        }
        if (status.isDecided()) {
            signedIn.as("editor");
            claim = reviews.decide(claim.id(), claim.version(), status, Rating.MOSTLY_TRUE, "Checked against the report.");
        }
        return claims.get(claim.id());
    }

    /** The whole permission matrix: each role against each action, on a claim that someone else created. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "alice,  edit,         allowed", "editor, edit,         allowed", "admin,  edit,         allowed",
            "alice,  delete,       allowed", "editor, delete,       allowed", "admin,  delete,       allowed",
            "alice,  link source,  allowed", "editor, link source,  allowed", "admin,  link source,  allowed",
            "alice,  comment,      allowed", "editor, comment,      allowed", "admin,  comment,      allowed",
            "alice,  send,         allowed", "editor, send,         allowed", "admin,  send,         allowed",
            "alice,  verify,       denied",  "editor, verify,       allowed", "admin,  verify,       allowed",
            "alice,  reject,       denied",  "editor, reject,       allowed", "admin,  reject,       allowed",
            "alice,  reopen,       denied",  "editor, reopen,       allowed", "admin,  reopen,       allowed",
            "alice,  four eyes,    denied",  "editor, four eyes,    denied",  "admin,  four eyes,    allowed"})
    void each_role_may_do_exactly_what_its_role_allows(String user, String action, String outcome) {
        Claim claim = claimBy("bob", switch (action) {
            case "verify", "reject" -> ClaimStatus.IN_REVIEW;
            case "reopen" -> ClaimStatus.VERIFIED;
            default -> ClaimStatus.OPEN;
        });
        signedIn.as(user);
        Runnable attempt = switch (action) {
            case "edit" -> () -> claims.update(claim.id(), claim.version(), new ClaimChanges(null, null, null, null,
                    Confidence.LOW, null, null, null));
            case "delete" -> () -> claims.delete(claim.id(), claim.version());
            case "link source" -> () -> sources.link(claim.id(), sources.findOrCreate(NewSource.web(
                    "https://example.org/other-" + claim.id(), "Other", null, SourceKind.DATASET)).source().id(),
                    Stance.CONTEXT, null);
            case "comment" -> () -> reviews.comment(claim.id(), "Looks right to me.");
            case "send" -> () -> reviews.sendToReview(claim.id(), claim.version());
            case "verify" -> () -> reviews.decide(claim.id(), claim.version(), ClaimStatus.VERIFIED, Rating.TRUE,
                    "Confirmed.");
            case "reject" -> () -> reviews.decide(claim.id(), claim.version(), ClaimStatus.REJECTED, null,
                    "Not checkable.");
            case "reopen" -> () -> reviews.reopen(claim.id(), claim.version());
            case "four eyes" -> () -> reviews.requireFourEyes(true);
            default -> throw new IllegalArgumentException(action);
        };
        if (outcome.equals("allowed")) {
            attempt.run();
        } else {
            assertThatThrownBy(attempt::run).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void an_editor_may_not_decide_on_their_own_claim_unless_four_eyes_is_off() {
        Claim own = claimBy("editor", ClaimStatus.IN_REVIEW);
        signedIn.as("editor");

        assertThatThrownBy(() -> reviews.decide(own.id(), own.version(), ClaimStatus.VERIFIED, Rating.TRUE, "Mine."))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("four-eyes");

        signedIn.as("admin");
        reviews.requireFourEyes(false);
        try {
            signedIn.as("editor");
            assertThat(reviews.decide(own.id(), own.version(), ClaimStatus.VERIFIED, Rating.TRUE, "Mine.").status())
                    .isEqualTo(ClaimStatus.VERIFIED);
        } finally {
            signedIn.as("admin");
            reviews.requireFourEyes(true);
        }
    }

    @Test
    void changing_the_sources_gives_the_claim_a_new_version_so_a_verdict_on_the_old_set_is_refused() {
        Claim read = claimBy("bob", ClaimStatus.IN_REVIEW);
        signedIn.as("bob");
        long other = sources.findOrCreate(NewSource.web("https://example.org/refutes-" + read.id(), "Refutation", null,
                SourceKind.NEWS_REPORT)).source().id();
        sources.link(read.id(), other, Stance.REFUTES, null);
        signedIn.as("editor");

        assertThatThrownBy(() -> reviews.decide(read.id(), read.version(), ClaimStatus.VERIFIED, Rating.TRUE, "ok"))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void an_editor_who_changed_someone_elses_claim_may_not_decide_on_it() {
        Claim claim = claimBy("bob", ClaimStatus.OPEN);
        signedIn.as("editor");
        Claim edited = claims.update(claim.id(), claim.version(), new ClaimChanges(null, null, null, null,
                Confidence.LOW, "Rewritten by the editor", null, null));
        signedIn.as("bob");
        Claim inReview = reviews.sendToReview(claim.id(), edited.version());
        signedIn.as("editor");

        assertThatThrownBy(() -> reviews.decide(claim.id(), inReview.version(), ClaimStatus.VERIFIED, Rating.TRUE,
                "ok")).isInstanceOf(AccessDeniedException.class).hasMessageContaining("four-eyes");
    }

    @Test
    void a_claim_cannot_cite_itself() {
        Claim claim = claimBy("bob", ClaimStatus.OPEN);
        long itself = sources.findOrCreate(new NewSource(null, documentId, claim.id(), null, null, null, null, null,
                null)).source().id();

        assertThatThrownBy(() -> sources.link(claim.id(), itself, Stance.SUPPORTS, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void verifying_needs_a_source_a_rating_and_a_rationale_and_says_which_are_missing() {
        signedIn.as("bob");
        Claim bare = claims.create(documentId, new ClaimDraft(45, 80, "event", Confidence.LOW, null, null, null, null));
        Claim inReview = reviews.sendToReview(bare.id(), bare.version());
        signedIn.as("editor");

        assertThatThrownBy(() -> reviews.decide(inReview.id(), inReview.version(), ClaimStatus.VERIFIED, null, " "))
                .isInstanceOf(IncompleteVerdictException.class)
                .hasMessageContaining("at least one linked source").hasMessageContaining("a rating")
                .hasMessageContaining("a rationale");
        assertThat(claims.get(inReview.id()).status()).isEqualTo(ClaimStatus.IN_REVIEW);
    }

    @Test
    void only_a_claim_in_review_can_be_decided_and_a_decided_claim_is_read_only_until_reopened() {
        Claim open = claimBy("bob", ClaimStatus.OPEN);
        signedIn.as("editor");
        assertThatThrownBy(() -> reviews.decide(open.id(), open.version(), ClaimStatus.REJECTED, null, "Not checkable."))
                .isInstanceOf(ConflictException.class).hasMessageContaining("in review");

        Claim verified = claimBy("bob", ClaimStatus.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo("editor");
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(verified.rating()).isEqualTo(Rating.MOSTLY_TRUE);
        signedIn.as("bob");
        assertThatThrownBy(() -> claims.update(verified.id(), verified.version(), new ClaimChanges(null, null, null,
                null, Confidence.LOW, null, null, null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sources.unlink(verified.id(), sources.linksOf(verified.id()).getFirst().source().id()))
                .isInstanceOf(ConflictException.class);

        signedIn.as("editor");
        Claim reopened = reviews.reopen(verified.id(), verified.version());
        assertThat(reopened.status()).isEqualTo(ClaimStatus.OPEN);
        assertThat(reopened.rating()).isNull();
    }

    @Test
    void the_history_holds_exactly_the_changes_made_in_order_with_before_and_after() {
        signedIn.as("bob");
        Claim created = claims.create(documentId, new ClaimDraft(0, 44, "attribution", Confidence.HIGH, null, null,
                null, null));
        Claim edited = claims.update(created.id(), created.version(), new ClaimChanges(null, null, null, null,
                Confidence.LOW, "Russian sources", null, null));
        long source = sources.findOrCreate(NewSource.web("https://Example.org:443/wire#top", "Wire", "Example",
                SourceKind.NEWS_REPORT)).source().id();
        sources.link(created.id(), source, Stance.SUPPORTS, "the talks failed");
        reviews.comment(created.id(), "Sending this on.");
        Claim inReview = reviews.sendToReview(created.id(), claims.get(created.id()).version());
        signedIn.as("editor");
        reviews.decide(created.id(), inReview.version(), ClaimStatus.REJECTED, null, "Anonymous sources only.");

        List<HistoryEntry> history = reviews.history(created.id());

        assertThat(history).extracting(HistoryEntry::action).containsExactly("CLAIM_CREATED", "CLAIM_EDITED",
                "SOURCE_LINKED", "COMMENTED", "SENT_TO_REVIEW", "REJECTED");
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("bob", "bob", "bob", "bob", "bob", "editor");
        assertThat(history.get(0).before()).isNull();
        assertThat(history.get(1).before().get("confidence").asString()).isEqualTo("HIGH");
        assertThat(history.get(1).after().get("confidence").asString()).isEqualTo("LOW");
        assertThat(history.get(1).after().get("claimant").asString()).isEqualTo("Russian sources");
        assertThat(history.get(2).after().get("source").get("url").asString()).isEqualTo("https://example.org/wire");
        assertThat(history.get(2).after().get("stance").asString()).isEqualTo("SUPPORTS");
        assertThat(history.get(5).before().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(history.get(5).after().get("status").asString()).isEqualTo("REJECTED");
        assertThat(history.get(5).after().get("verifiedBy").asString()).isEqualTo("editor");
        assertThat(edited.version()).isEqualTo(2);
    }

    @Test
    void history_rows_cannot_be_changed_or_removed_even_in_sql() {
        Claim claim = claimBy("bob", ClaimStatus.OPEN);

        assertThatThrownBy(() -> jdbc.sql("update claim_history set action = 'FORGED' where claim_id = :id")
                .param("id", claim.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from claim_history where claim_id = :id")
                .param("id", claim.id()).update()).hasMessageContaining("append-only");
    }

    @Test
    void the_author_hears_of_comments_and_verdicts_on_their_claim_but_nobody_of_their_own_doings() {
        signedIn.as("bob");
        int before = inbox.unreadCount();
        Claim verified = claimBy("bob", ClaimStatus.VERIFIED);
        Claim rejected = claimBy("bob", ClaimStatus.IN_REVIEW);
        signedIn.as("editor");
        reviews.decide(rejected.id(), rejected.version(), ClaimStatus.REJECTED, null, "Not checkable.");
        int editorsBefore = inbox.unreadCount();
        reviews.comment(verified.id(), "Nice work.");
        signedIn.as("bob");
        reviews.comment(verified.id(), "Thanks!");

        assertThat(inbox.unreadCount()).isEqualTo(before + 3);
        assertThat(inbox.mine()).extracting(InboxMessage::claimId, InboxMessage::event, InboxMessage::actor)
                .startsWith(tuple(verified.id(), "COMMENTED", "Eddie Editor"), tuple(rejected.id(), "REJECTED", "Eddie Editor"),
                        tuple(verified.id(), "VERIFIED", "Eddie Editor"));
        signedIn.as("editor");
        assertThat(inbox.unreadCount()).as("bob's reply goes to nobody: the editor did not create the claim")
                .isEqualTo(editorsBefore);
    }

    @Test
    void reading_the_inbox_clears_its_badge_up_to_what_was_shown() {
        Claim claim = claimBy("bob", ClaimStatus.OPEN);
        signedIn.as("alice");
        reviews.comment(claim.id(), "Which report?");
        signedIn.as("bob");
        List<InboxMessage> shown = inbox.mine();
        signedIn.as("alice");
        reviews.comment(claim.id(), "Found it.");
        signedIn.as("bob");

        inbox.markRead(shown.getFirst().id());

        assertThat(inbox.unreadCount()).isEqualTo(1);
        assertThat(inbox.mine().getFirst().read()).isFalse();
        assertThat(inbox.mine().get(1).read()).isTrue();
    }
}
