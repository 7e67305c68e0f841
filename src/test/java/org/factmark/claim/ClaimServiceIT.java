package org.factmark.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.StaleVersionException;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class ClaimServiceIT {

    private static final String TEXT = "A U.S. official said the talks never started. "
            + "Three Russian sources said 70,000 troops were lost.";

    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    SignedIn signedIn;

    long documentId;

    @BeforeEach
    void addDocument() {
        signedIn = new SignedIn(users);
        documentId = documents.add(new NewDocument("Claims test", TEXT, null, null, null)).id();
    }

    private Claim claim(String quote, String type) {
        int start = TEXT.indexOf(quote);
        return claims.create(documentId, new ClaimDraft(start, start + quote.length(), type, Confidence.MEDIUM,
                null, null, null, quote));
    }

    @Test
    void a_new_claim_is_open_at_version_1_with_the_quote_as_its_restatement() {
        Claim created = claims.create(documentId, new ClaimDraft(0, 44, "attribution", Confidence.HIGH,
                " a U.S. official ", "check the State Dept briefing", null, null));

        assertThat(created.quote()).isEqualTo("A U.S. official said the talks never started");
        assertThat(created.status()).isEqualTo(ClaimStatus.OPEN);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.claimant()).isEqualTo("a U.S. official");
        assertThat(created.restatement()).isEqualTo(created.quote());
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.prefix()).isEmpty();
        assertThat(created.suffix()).isEqualTo(". Three Russian sources said 70,");
    }

    @Test
    void claims_come_in_document_order_with_the_outer_of_two_nested_claims_first() {
        Claim statistic = claim("70,000 troops", "statistic");
        Claim outer = claim("Three Russian sources said 70,000 troops were lost.", "attribution");
        Claim first = claim("A U.S. official said", "attribution");

        assertThat(claims.forDocument(documentId)).extracting(Claim::id)
                .containsExactly(first.id(), outer.id(), statistic.id());
    }

    @Test
    void an_unknown_or_retired_type_is_refused() {
        assertThatThrownBy(() -> claim("A U.S. official", "rumour")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown claim type");
    }

    @Test
    void claims_of_an_unknown_document_are_not_found() {
        assertThatThrownBy(() -> claims.forDocument(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.create(Long.MAX_VALUE, new ClaimDraft(0, 1, "event", Confidence.LOW, null,
                null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_edit_names_the_version_it_read_and_moves_the_span_with_a_fresh_quote() {
        Claim created = claim("Three Russian sources", "attribution");
        int start = TEXT.indexOf("70,000");

        Claim edited = claims.update(created.id(), created.version(), new ClaimChanges(start, start + 13, null,
                "statistic", Confidence.LOW, "Russian sources", "", null));

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.quote()).isEqualTo("70,000 troops");
        assertThat(edited.restatement()).as("a default restatement follows the quote").isEqualTo("70,000 troops");
        assertThat(edited.type()).isEqualTo("statistic");
        assertThat(edited.confidence()).isEqualTo(Confidence.LOW);
        assertThat(edited.claimant()).isEqualTo("Russian sources");
        assertThat(edited.note()).isNull();
        assertThat(edited.updatedBy()).isEqualTo("alice");
    }

    @Test
    @WithUserDetails("bob")
    void any_reviewer_may_edit_an_open_claim_and_the_claim_records_who_did() {
        Claim created = claim("the talks never started", "event");

        Claim edited = claims.update(created.id(), created.version(), new ClaimChanges(null, null, null, null,
                null, null, "bob's note", null));

        assertThat(edited.note()).isEqualTo("bob's note");
        assertThat(edited.updatedBy()).isEqualTo("bob");
    }

    @Test
    void an_edit_based_on_a_stale_version_is_refused_and_changes_nothing() {
        Claim created = claim("the talks never started", "event");
        claims.update(created.id(), created.version(), new ClaimChanges(null, null, null, null, null, null,
                "first", null));

        assertThatThrownBy(() -> claims.update(created.id(), created.version(), new ClaimChanges(null, null, null,
                "opinion", null, null, "second", null))).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("version 2");
        Claim now = claims.get(created.id());
        assertThat(now.note()).isEqualTo("first");
        assertThat(now.type()).isEqualTo("event");
    }

    @Test
    void the_document_counts_its_claims_but_not_deleted_ones() {
        claim("70,000 troops", "statistic");
        Claim deleted = claim("Three Russian sources", "attribution");
        claims.delete(deleted.id(), deleted.version());

        assertThat(documents.get(documentId).claimCount()).isEqualTo(1);
    }

    @Test
    void a_deleted_claim_is_gone_from_the_document_but_kept_in_the_database() {
        Claim created = claim("70,000 troops", "statistic");

        claims.delete(created.id(), created.version());

        assertThat(claims.forDocument(documentId)).extracting(Claim::id).doesNotContain(created.id());
        assertThatThrownBy(() -> claims.get(created.id())).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select deleted_by is not null from claim where id = :id").param("id", created.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_delete_based_on_a_stale_version_is_refused() {
        Claim created = claim("70,000 troops", "statistic");
        claims.update(created.id(), created.version(), new ClaimChanges(null, null, null, null, Confidence.LOW, null,
                null, null));

        assertThatThrownBy(() -> claims.delete(created.id(), created.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(claims.get(created.id())).isNotNull();
    }

    @Test
    void an_edit_that_changes_nothing_keeps_the_version_and_writes_no_history() {
        Claim created = claim("70,000 troops", "statistic");

        Claim same = claims.update(created.id(), created.version(), new ClaimChanges(null, null, null, "statistic",
                Confidence.MEDIUM, null, null, null));

        assertThat(same.version()).isEqualTo(created.version());
        assertThat(jdbc.sql("select count(*) from claim_history where claim_id = :id").param("id", created.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_verified_claim_is_read_only() {
        Claim created = claim("70,000 troops", "statistic");
        jdbc.sql("update claim set status = 'VERIFIED' where id = :id").param("id", created.id()).update();

        assertThatThrownBy(() -> claims.update(created.id(), created.version(), ClaimChanges.none()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("verified");
        assertThatThrownBy(() -> claims.delete(created.id(), created.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void claimants_used_in_the_document_are_suggested_most_used_first() {
        int start = TEXT.indexOf("Three");
        claims.create(documentId, new ClaimDraft(start, start + 5, "attribution", Confidence.LOW,
                "three Russian sources", null, null, null));
        claims.create(documentId, new ClaimDraft(start + 6, start + 13, "attribution", Confidence.LOW,
                "three Russian sources", null, null, null));
        claims.create(documentId, new ClaimDraft(0, 15, "attribution", Confidence.LOW, "a U.S. official", null,
                null, null));

        assertThat(claims.claimantsIn(documentId)).containsExactly("three Russian sources", "a U.S. official");
    }

    @Test
    void every_claim_on_the_unicode_corpus_quotes_exactly_its_span_in_the_database() throws IOException {
        String raw = new ClassPathResource("unicode-corpus.txt").getContentAsString(StandardCharsets.UTF_8);
        Document document = documents.add(new NewDocument("Unicode corpus", raw, null, null, null));
        String text = documents.text(document.id());
        List<String> quotes = List.of("👩‍👩‍👧", "🇺🇦", "cafe\u0301", "Zoe\u0308", "東京で停戦", "הם אמרו שלום",
                "قالوا مرحبا", "km²", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "waved.\nCombining");

        for (String quote : quotes) {
            int start = text.indexOf(quote);
            assertThat(start).as(quote).isNotNegative();
            claims.create(document.id(), new ClaimDraft(start, start + quote.length(), "quote", Confidence.LOW,
                    null, null, null, quote));
        }

        List<Claim> stored = claims.forDocument(document.id());
        assertThat(stored).hasSize(quotes.size());
        assertThat(stored).allSatisfy(claim -> {
            assertThat(text.substring(claim.start(), claim.end())).isEqualTo(claim.quote());
            assertThat(text.substring(0, claim.start())).endsWith(claim.prefix());
            assertThat(text.substring(claim.end())).startsWith(claim.suffix());
        });
        assertThat(stored).extracting(Claim::quote).containsExactlyInAnyOrderElementsOf(quotes);
    }

    @Test
    void of_fifty_concurrent_edits_of_one_claim_exactly_one_succeeds_and_the_rest_change_nothing()
            throws Exception {
        Claim created = claim("the talks never started", "event");
        Authentication alice = SecurityContextHolder.getContext().getAuthentication();
        var start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService reviewers = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String note = "edit " + i;
                outcomes.add(reviewers.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(alice);
                    start.await();
                    try {
                        claims.update(created.id(), created.version(),
                                new ClaimChanges(null, null, null, null, null, null, note, null));
                        return true;
                    } catch (StaleVersionException refused) {
                        return false;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
        }

        long succeeded = 0;
        for (Future<Boolean> outcome : outcomes) {
            succeeded += outcome.get() ? 1 : 0;
        }
        assertThat(succeeded).isEqualTo(1);
        Claim after = claims.get(created.id());
        assertThat(after.version()).isEqualTo(created.version() + 1);
        assertThat(after.note()).startsWith("edit ");
        assertThat(after).usingRecursiveComparison().ignoringFields("note", "version", "updatedAt")
                .isEqualTo(created);
    }

    @Nested
    class TheSameClaimSentTwice {

        private final ClaimDraft draft = new ClaimDraft(0, 44, "attribution", Confidence.HIGH, "a U.S. official",
                "check the briefing", "No talks began", null);

        @Test
        void by_one_reviewer_within_seconds_gives_back_the_first_claim_and_creates_no_second() {
            Claim first = claims.create(documentId, draft);
            Claim second = claims.create(documentId, draft);

            assertThat(second).isEqualTo(first);
            assertThat(claims.forDocument(documentId)).extracting(Claim::id).containsExactly(first.id());
        }

        @Test
        void by_one_reviewer_ten_times_at_once_creates_one_claim() throws Exception {
            Authentication alice = SecurityContextHolder.getContext().getAuthentication();
            var start = new CountDownLatch(1);
            List<Future<Long>> created = new ArrayList<>();
            try (ExecutorService requests = Executors.newFixedThreadPool(10)) {
                for (int i = 0; i < 10; i++) {
                    created.add(requests.submit(() -> {
                        SecurityContextHolder.getContext().setAuthentication(alice);
                        start.await();
                        try {
                            return claims.create(documentId, draft).id();
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    }));
                }
                start.countDown();
            }

            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : created) {
                ids.add(id.get());
            }
            assertThat(ids).containsOnly(ids.getFirst());
            assertThat(claims.forDocument(documentId)).hasSize(1);
        }

        @Test
        void with_another_note_or_by_another_reviewer_is_a_claim_of_its_own() {
            Claim alices = claims.create(documentId, draft);
            Claim withAnotherNote = claims.create(documentId, new ClaimDraft(0, 44, "attribution", Confidence.HIGH,
                    "a U.S. official", "check the transcript", "No talks began", null));
            signedIn.as("bob");
            Claim bobs = claims.create(documentId, draft);

            assertThat(claims.forDocument(documentId)).extracting(Claim::id)
                    .containsExactlyInAnyOrder(alices.id(), withAnotherNote.id(), bobs.id());
        }
    }
}
