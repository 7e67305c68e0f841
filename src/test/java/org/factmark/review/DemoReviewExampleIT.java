package org.factmark.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("editor")
class DemoReviewExampleIT {

    @Autowired
    ClaimService claims;
    @Autowired
    SourceService sources;
    @Autowired
    ReviewService reviews;

    @Test
    void a_newcomer_finds_claims_in_review_verified_and_rejected_in_the_demo_articles() {
        assertThat(claims.count(ClaimFilter.status(ClaimStatus.IN_REVIEW))).isGreaterThanOrEqualTo(5);
        assertThat(claims.search(ClaimFilter.status(ClaimStatus.VERIFIED), 0, 100)).extracting(Claim::verifiedBy)
                .contains("editor");
        assertThat(claims.count(ClaimFilter.status(ClaimStatus.REJECTED))).isPositive();
    }

    @Test
    void a_rewrite_cites_the_wire_versions_passage_and_every_verified_claim_rests_on_a_source() {
        Claim dismissed = claims.search(new ClaimFilter(ClaimStatus.VERIFIED, "attribution", null, null, null, null), 0, 100).stream()
                .filter(claim -> claim.quote().startsWith("A US source dismissed")).findFirst().orElseThrow();

        assertThat(sources.linksOf(dismissed.id())).anySatisfy(link -> assertThat(link.source().claimId()).isNotNull());
        assertThat(claims.search(ClaimFilter.status(ClaimStatus.VERIFIED), 0, 100))
                .allSatisfy(claim -> assertThat(sources.countLinks(claim.id())).isPositive());
        assertThat(reviews.history(dismissed.id())).extracting(HistoryEntry::action)
                .containsSubsequence("CLAIM_CREATED", "SOURCE_LINKED", "SENT_TO_REVIEW", "VERIFIED");
    }
}
