package org.factmark.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.factmark.IntegrationTest;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.dashboard.DashboardService;
import org.factmark.dashboard.StatsFilter;
import org.factmark.dashboard.TeamFigures;
import org.factmark.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("editor")
class DemoReviewExampleIT {

    /** The demo's own claims: those on the demo articles from before today (tests add theirs today). */
    private static final String DEMO_CLAIMS = """
            with demo_claim as (
                select c.* from claim c join document d on d.id = c.document_id
                where d.outlet in ('Long-form daily', 'News-brief site', 'Tabloid') and c.created_at < now() - interval '1 day')
            """;

    @Autowired
    ClaimService claims;
    @Autowired
    SourceService sources;
    @Autowired
    ReviewService reviews;
    @Autowired
    DashboardService dashboards;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void the_demo_desks_work_spreads_over_five_weeks_and_the_team_dashboard_opens_on_all_of_it() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // The demo's own claims: those on the demo articles created before today (tests add theirs today).
        var spread = jdbc.sql("""
                select min(c.created_at)::date as first, count(distinct (c.created_at at time zone 'UTC')::date) as days,
                       count(distinct date_trunc('week', c.created_at at time zone 'UTC')) as weeks
                from claim c join document d on d.id = c.document_id
                where d.outlet in ('Long-form daily', 'News-brief site', 'Tabloid')""")
                .query((rs, row) -> new long[] {today.toEpochDay() - rs.getObject("first", LocalDate.class).toEpochDay(),
                        rs.getLong("days"), rs.getLong("weeks")}).single();

        assertThat(spread[0]).as("days since the first demo claim").isBetween(28L, 42L);
        assertThat(spread[1]).as("days with a new demo claim").isGreaterThanOrEqualTo(12);
        assertThat(spread[2]).as("weeks with a new demo claim").isGreaterThanOrEqualTo(5);

        StatsFilter opening = dashboards.defaultPeriod(null);
        assertThat(opening.from()).isBeforeOrEqualTo(today.minusDays(spread[0]));
        List<TeamFigures.DayCounts> days = dashboards.team(opening).throughput();
        assertThat(days.stream().filter(day -> day.created() + day.sent() + day.verified() + day.rejected() > 0)
                .map(day -> day.day().minusDays(day.day().getDayOfWeek().getValue() - 1)).distinct())
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void the_history_comments_and_inbox_of_the_demo_tell_the_same_days_in_the_same_order_as_its_claims() {
        // Each demo claim's history was written in the order it happened, with the claim's own moments.
        assertThat(jdbc.sql(DEMO_CLAIMS + """
                select h.claim_id from demo_claim c join claim_history h on h.claim_id = c.id
                join claim_history later on later.claim_id = h.claim_id and later.id > h.id and later.at < h.at""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql(DEMO_CLAIMS + """
                select c.id from demo_claim c
                where (not exists (select 1 from claim_history h where h.claim_id = c.id and h.action = 'CLAIM_CREATED'
                                   and h.at between c.created_at and c.created_at + interval '1 minute')
                       or c.decided_at is not null and not exists (
                           select 1 from claim_history h where h.claim_id = c.id and h.action in ('VERIFIED', 'REJECTED')
                           and h.at between c.decided_at and c.decided_at + interval '1 minute'))""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql(DEMO_CLAIMS + """
                select m.id from demo_claim c join inbox_message m on m.claim_id = c.id where m.at < c.created_at""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from claim_comment k join claim c on c.id = k.claim_id
                where k.created_at < now() - interval '3 days' and k.created_at > c.created_at""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }
}
