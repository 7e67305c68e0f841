package org.factmark.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class PresenceServiceIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    PresenceService presence;
    @Autowired
    ChangeFeed feed;
    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcClient jdbc;

    SignedIn signedIn;
    long documentId;

    @BeforeEach
    void setUp() {
        signedIn = new SignedIn(userDetails);
        signedIn.as("alice");
        documentId = documents.add(new NewDocument("Presence test", "Ten people were there.", null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void opening_editing_and_leaving_are_announced_and_listed() throws InterruptedException {
        long claimId = claims.create(documentId, new ClaimDraft(0, 10, "statistic", Confidence.LOW, null, null, null,
                null)).id();
        try (var recorder = new ChangeRecorder(feed)) {
            String alicesTab = presence.join(documentId);
            signedIn.as("bob");
            String bobsTab = presence.join(documentId);
            presence.editing(bobsTab, claimId);
            recorder.await(heard -> heard.kind() == Change.Kind.PRESENCE && heard.subjectId() == documentId, PROMPTLY);

            assertThat(presence.inDocument(documentId)).extracting(Presence::username, Presence::editingClaimId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", null),
                            org.assertj.core.groups.Tuple.tuple("bob", claimId));

            presence.leave(bobsTab);
            recorder.await(heard -> heard.kind() == Change.Kind.PRESENCE && heard.actorId() != 0, PROMPTLY);
            assertThat(presence.inDocument(documentId)).extracting(Presence::username).containsExactly("alice");
            signedIn.as("alice");
            presence.leave(alicesTab);
        }
    }

    @Test
    void nobody_can_leave_or_keep_alive_someone_elses_tab() {
        String alicesTab = presence.join(documentId);
        signedIn.as("bob");

        presence.leave(alicesTab);

        assertThat(presence.beat(alicesTab)).isFalse();
        assertThat(presence.inDocument(documentId)).extracting(Presence::username).containsExactly("alice");
    }

    @Test
    void a_tab_that_stops_beating_disappears_within_seconds() throws InterruptedException {
        String tab = presence.join(documentId);
        // As if the tab had last been heard of long ago: the sweep, every two seconds, removes it.
        jdbc.sql("update presence set seen_at = now() - interval '1 minute' where tab_key = :tab").param("tab", tab).update();

        long deadline = System.nanoTime() + Duration.ofSeconds(PresenceService.HEARTBEAT_SECONDS * 2L + 1).toNanos();
        while (!presence.inDocument(documentId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(presence.inDocument(documentId)).isEmpty();
        assertThat(presence.beat(tab)).isFalse();
    }
}
