package org.factmark.dashboard;

import java.util.function.ToLongFunction;
import java.time.ZoneOffset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.common.NotAllowedException;
import org.factmark.dashboard.TeamFigures.Count;
import org.factmark.dashboard.internal.DashboardRepository;
import org.factmark.dashboard.internal.DashboardRepository.Scope;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.review.ReviewService;
import org.factmark.security.Role;
import org.factmark.security.UserService;
import org.factmark.source.NewSource;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every dashboard figure against a small data set worked out by hand: two new reviewers mark six
 * claims in one document of an outlet of their own, two pairs of them overlap, and an editor decides
 * three. The outlet filter keeps the rest of the test database out of the team figures.
 */
@IntegrationTest
class DashboardServiceIT {

    private static final String TEXT = "Prices rose 9 percent. The minister said it was temporary. Ten "
            + "banks failed in May. Nobody expects a recession next year, officials said.";

    @Autowired
    DashboardService dashboards;
    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    SourceService sources;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardRepository repository;

    SignedIn signedIn;
    String outlet;
    String ann;
    String ben;
    StatsFilter ours;
    Claim annStatistic;
    Claim annQuote;
    Claim annEvent;
    Claim benStatistic;
    Claim benAttribution;
    Claim benEvent;

    @BeforeEach
    void workedExample() {
        signedIn = new SignedIn(userDetails);
        String run = Long.toString(System.nanoTime(), 36);
        outlet = "Dashboard outlet " + run;
        signedIn.as("admin");
        ann = users.create("ann-" + run, "Ann " + run, "a-long-enough-password", Set.of(Role.REVIEWER)).username();
        ben = users.create("ben-" + run, "Ben " + run, "a-long-enough-password", Set.of(Role.REVIEWER)).username();
        long documentId = documents.add(new NewDocument("Dashboard example", TEXT, null, outlet, null)).id();

        signedIn.as(ann);
        annStatistic = mark(documentId, "Prices rose 9 percent.", "statistic", Confidence.HIGH);
        annQuote = mark(documentId, "The minister said it was temporary.", "quote", Confidence.LOW);
        annEvent = mark(documentId, "Ten banks failed in May.", "event", Confidence.MEDIUM);
        signedIn.as(ben);
        benStatistic = mark(documentId, "9 percent", "statistic", Confidence.HIGH);
        benAttribution = mark(documentId, "The minister said", "attribution", Confidence.MEDIUM);
        benEvent = mark(documentId, "officials said", "event", Confidence.LOW);

        cite(annStatistic, "https://stats.example/prices", "Statistics office");
        cite(benStatistic, "https://stats.example/prices", "Statistics office");
        cite(benStatistic, "https://bank.example/inflation", "Central bank");
        cite(benStatistic, "https://stats.example/wages", "Statistics office");
        signedIn.as(ann);
        send(annStatistic);
        send(annQuote);
        send(annEvent);
        signedIn.as(ben);
        send(benStatistic);
        signedIn.as("editor");
        decide(annStatistic, ClaimStatus.VERIFIED, Rating.TRUE);
        decide(benStatistic, ClaimStatus.VERIFIED, Rating.MOSTLY_TRUE);
        decide(annQuote, ClaimStatus.REJECTED, null);
        // Verified 10 and 30 hours after their creation.
        jdbc.sql("update claim set created_at = decided_at - interval '10 hours' where id = :id")
                .param("id", annStatistic.id()).update();
        jdbc.sql("update claim set created_at = decided_at - interval '30 hours' where id = :id")
                .param("id", benStatistic.id()).update();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ours = new StatsFilter(today.minusDays(2), today.plusDays(2), outlet, null, null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Claim mark(long documentId, String quote, String type, Confidence confidence) {
        int start = TEXT.indexOf(quote);
        return claims.create(documentId, new ClaimDraft(start, start + quote.length(), type, confidence, null, null,
                null, null));
    }

    private void cite(Claim claim, String url, String publisher) {
        long source = sources.findOrCreate(NewSource.web(url, "Report at " + url, publisher, SourceKind.DATASET))
                .source().id();
        sources.link(claim.id(), source, Stance.SUPPORTS, null);
    }

    private void send(Claim claim) {
        reviews.sendToReview(claim.id(), claims.get(claim.id()).version());
    }

    private void decide(Claim claim, ClaimStatus decision, Rating rating) {
        reviews.decide(claim.id(), claims.get(claim.id()).version(), decision, rating, "Checked.");
    }

    private static long sum(List<TeamFigures.DayCounts> days, ToLongFunction<TeamFigures.DayCounts> of) {
        return days.stream().mapToLong(of).sum();
    }

    @Test
    void the_team_figures_match_the_hand_count() {
        signedIn.as("editor");

        TeamFigures team = dashboards.team(ours);

        assertThat(team.throughput()).hasSize(5);
        assertThat(sum(team.throughput(), TeamFigures.DayCounts::created)).isEqualTo(6);
        assertThat(sum(team.throughput(), TeamFigures.DayCounts::sent)).isEqualTo(4);
        assertThat(sum(team.throughput(), TeamFigures.DayCounts::verified)).isEqualTo(2);
        assertThat(sum(team.throughput(), TeamFigures.DayCounts::rejected)).isEqualTo(1);
        assertThat(team.funnel()).isEqualTo(new TeamFigures.Funnel(2, 1, 2, 1));
        assertThat(team.byType()).containsExactlyInAnyOrder(new Count("statistic", 2), new Count("event", 2),
                new Count("quote", 1), new Count("attribution", 1));
        assertThat(team.byRating()).containsExactlyInAnyOrder(new Count(null, 4), new Count("TRUE", 1),
                new Count("MOSTLY_TRUE", 1));
        assertThat(team.byOutlet()).containsExactly(new Count(outlet, 6));
        assertThat(team.queue().size()).isEqualTo(1);
        assertThat(team.queue().oldest()).extracting(TeamFigures.Waiting::claimId).containsExactly(annEvent.id());
    }

    @Test
    void speed_is_the_median_and_90th_percentile_from_creation_to_verification() {
        signedIn.as("editor");

        TeamFigures.Speed speed = dashboards.team(ours).speed();

        // 10 h and 30 h: median 20 h; 90th percentile, interpolated, 10 + 0.9 * 20 = 28 h; read from
        // a histogram whose buckets are 5 % wide, so within 2.5 %.
        assertThat(speed.verified()).isEqualTo(2);
        assertThat(speed.median().toSeconds()).isCloseTo(Duration.ofHours(20).toSeconds(), withinPercentage(2.5));
        assertThat(speed.p90().toSeconds()).isCloseTo(Duration.ofHours(28).toSeconds(), withinPercentage(2.5));
    }

    @Test
    void evidence_counts_sources_per_verified_claim_and_the_most_cited() {
        signedIn.as("editor");

        TeamFigures.Evidence evidence = dashboards.team(ours).evidence();

        assertThat(evidence.verified()).isEqualTo(2);
        assertThat(evidence.sourcesPerClaim()).containsExactly(new Count("1", 1), new Count("3", 1));
        assertThat(evidence.singleSource()).isEqualTo(1);
        assertThat(evidence.topSources()).containsExactly(new Count("Report at https://stats.example/prices", 2),
                new Count("Report at https://bank.example/inflation", 1),
                new Count("Report at https://stats.example/wages", 1));
        // Publishers by citations: Ben's claim cites the statistics office twice.
        assertThat(evidence.topPublishers()).containsExactly(new Count("Statistics office", 3),
                new Count("Central bank", 1));
    }

    @Test
    void agreement_counts_the_overlapping_pairs_with_kappa_and_alpha() {
        signedIn.as("editor");

        Agreement agreement = dashboards.agreement(ours);

        // (statistic, statistic) agree, (quote, attribution) do not: p_o = 1/2, p_e = 1/4, kappa = 1/3;
        // alpha over the two units: n = 4, D_o = 2, sum n_c n_k = 10, alpha = 1 - 3 * 2 / 10 = 0.4.
        assertThat(agreement.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.reviewer()).isEqualTo(ann);
            assertThat(pair.otherReviewer()).isEqualTo(ben);
            assertThat(pair.overlaps()).isEqualTo(2);
            assertThat(pair.agreed()).isEqualTo(1);
            assertThat(pair.rawAgreement()).isEqualTo(0.5);
            assertThat(pair.kappa()).isCloseTo(1.0 / 3, within(1e-9));
        });
        assertThat(agreement.units()).isEqualTo(2);
        assertThat(agreement.alpha()).isCloseTo(0.4, within(1e-9));
        assertThat(dashboards.disagreements(ours, ann, ben)).singleElement().satisfies(disagreement -> {
            assertThat(disagreement.claimId()).isEqualTo(annQuote.id());
            assertThat(disagreement.type()).isEqualTo("quote");
            assertThat(disagreement.otherClaimId()).isEqualTo(benAttribution.id());
            assertThat(disagreement.otherType()).isEqualTo("attribution");
        });
    }

    @Test
    void a_deleted_claim_no_longer_counts_towards_agreement() {
        signedIn.as(ben);
        claims.delete(benAttribution.id(), claims.get(benAttribution.id()).version());
        signedIn.as("editor");

        assertThat(dashboards.agreement(ours).pairs()).singleElement()
                .satisfies(pair -> assertThat(pair.overlaps()).isEqualTo(1));
    }

    @Test
    void a_reviewer_sees_their_record_and_calibration_but_not_someone_elses() {
        signedIn.as(ann);

        ReviewerFigures record = dashboards.reviewer(ann, ours.from(), ours.to());

        assertThat(record.authored()).isEqualTo(3);
        assertThat(record.sent()).isEqualTo(3);
        assertThat(record.verified()).isEqualTo(1);
        assertThat(record.rejected()).isEqualTo(1);
        assertThat(record.acceptanceRate()).isEqualTo(0.5);
        assertThat(record.calibration()).containsExactly(new ReviewerFigures.Calibration("LOW", 0, 1),
                new ReviewerFigures.Calibration("MEDIUM", 0, 0), new ReviewerFigures.Calibration("HIGH", 1, 0));
        assertThatThrownBy(() -> dashboards.reviewer(ben, null, null)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dashboards.claimsBehind(ours, Drill.TYPE, "statistic"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(dashboards.claimsBehind(ours.withReviewer(ann), Drill.TYPE, "statistic"))
                .extracting(ClaimBehind::id).containsExactly(annStatistic.id());
    }

    @Test
    void clicking_a_figure_lists_exactly_the_claims_behind_it() {
        signedIn.as("editor");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(dashboards.claimsBehind(ours, Drill.TYPE, "statistic")).extracting(ClaimBehind::id)
                .containsExactlyInAnyOrder(annStatistic.id(), benStatistic.id());
        assertThat(dashboards.claimsBehind(ours, Drill.VERIFIED_ON, today)).extracting(ClaimBehind::id)
                .containsExactlyInAnyOrder(annStatistic.id(), benStatistic.id());
        assertThat(dashboards.claimsBehind(ours, Drill.STATUS, "OPEN")).extracting(ClaimBehind::id)
                .containsExactlyInAnyOrder(benAttribution.id(), benEvent.id());
        assertThat(dashboards.claimsBehind(ours, Drill.RATING, "MOSTLY_TRUE")).extracting(ClaimBehind::id)
                .containsExactly(benStatistic.id());
        assertThat(dashboards.claimsBehind(ours, Drill.CREATED_ON, today)).hasSize(6 - createdBeforeToday());
    }

    @Test
    void the_most_cited_sources_are_the_same_whether_found_among_the_most_cited_ever_or_counted_in_full() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String outletFilter : Arrays.asList(outlet, null)) {
            var scope = new Scope(today.minusDays(2), today.plusDays(2), outletFilter, null, null);
            for (int top : List.of(1, 2, 10)) {
                // No candidates: every link of the period is counted.
                List<Count> counted = repository.mostCitedSources(scope, 0, top);
                for (int candidates : List.of(1, 2, 5, DashboardRepository.CANDIDATES)) {
                    assertThat(repository.mostCitedSources(scope, candidates, top))
                            .as("top %d of %s among %d candidates", top, outletFilter, candidates)
                            .isEqualTo(counted);
                }
            }
        }
        var ourOutlet = new Scope(today.minusDays(2), today.plusDays(2), outlet, null, null);
        assertThat(repository.mostCitedSources(ourOutlet, 1, 1))
                .containsExactly(new Count("Report at https://stats.example/prices", 2));
    }

    @Test
    void the_summaries_stay_what_the_claims_say_through_every_kind_of_change() {
        signedIn.as("editor");
        reviews.reopen(benStatistic.id(), claims.get(benStatistic.id()).version());
        signedIn.as(ben);
        long bank = sources.linksOf(benStatistic.id()).stream().filter(link -> link.source().url().contains("bank"))
                .findFirst().orElseThrow().source().id();
        sources.unlink(benStatistic.id(), bank);
        send(benStatistic);
        signedIn.as(ann);
        int recession = TEXT.indexOf("Nobody expects");
        claims.update(annEvent.id(), claims.get(annEvent.id()).version(),
                new ClaimChanges(recession, TEXT.length(), null, null, null, null, null, null));
        signedIn.as(ben);
        claims.update(benEvent.id(), claims.get(benEvent.id()).version(),
                new ClaimChanges(null, null, null, "quote", null, null, null, null));
        claims.delete(benAttribution.id(), claims.get(benAttribution.id()).version());
        cite(benEvent, "https://wire.example/officials", "Wire service");
        send(benEvent);
        signedIn.as("editor");
        decide(benEvent, ClaimStatus.VERIFIED, Rating.FALSE);
        decide(benStatistic, ClaimStatus.VERIFIED, Rating.TRUE);

        // Every figure the triggers kept equals the same figure computed afresh from the claims
        // (rows the triggers brought down to nothing aside), and every copy on the links and pairs.
        assertThat(rowsOnlyIn("claim_day_figures", "claim_day_figures_recomputed")).isEmpty();
        assertThat(rowsOnlyIn("claim_day_figures_recomputed", "claim_day_figures")).isEmpty();
        assertThat(rowsOnlyIn("claim_author_day_figures", "claim_author_day_figures_recomputed")).isEmpty();
        assertThat(rowsOnlyIn("claim_author_day_figures_recomputed", "claim_author_day_figures")).isEmpty();
        assertThat(rowsOnlyIn("verification_time_stats", "verification_time_stats_recomputed")).isEmpty();
        assertThat(rowsOnlyIn("verification_time_stats_recomputed", "verification_time_stats")).isEmpty();
        assertThat(rowsOnlyIn("publisher_citation_stats", "publisher_citation_stats_recomputed")).isEmpty();
        assertThat(rowsOnlyIn("publisher_citation_stats_recomputed", "publisher_citation_stats")).isEmpty();
        assertThat(jdbc.sql("""
                select c.id from claim c
                where c.source_count <> (select count(*) from claim_source cs where cs.claim_id = c.id)""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                select s.id from source s
                where s.verified_citations
                      <> (select count(*) from claim_source cs where cs.source_id = s.id and cs.verified_on is not null)""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                select cs.claim_id from claim_source cs join claim c on c.id = cs.claim_id join source s on s.id = cs.source_id
                cross join lateral citation_of(c) x
                where (cs.verified_on, cs.claim_outlet, cs.claim_type, cs.claim_author, cs.source_publisher)
                      is distinct from (x.verified_on, x.claim_outlet, x.claim_type, x.claim_author, s.publisher)""")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                select o.claim_id from claim_overlap o join claim a on a.id = o.claim_id join claim b on b.id = o.other_claim_id
                where o is distinct from overlap_of(a, b)""").query(Long.class).list()).isEmpty();
        // Ann's moved event now overlaps Ben's, which he made a quote: one more pair, a disagreement.
        assertThat(dashboards.disagreements(ours, ann, ben)).extracting(Agreement.Disagreement::claimId)
                .contains(annEvent.id());
    }

    /** Rows of one table or view that the other lacks, leaving out rows whose counts are all zero (keys aside). */
    private List<String> rowsOnlyIn(String table, String other) {
        return jdbc.sql("select to_jsonb(r)::text from (select * from " + table + " except select * from " + other
                        + ") r where exists (select 1 from jsonb_each(to_jsonb(r)) e"
                        + " where jsonb_typeof(e.value) = 'number' and e.value <> '0'::jsonb and e.key not in ('bucket', 'author'))")
                .query(String.class).list();
    }

    /** The two verified claims were moved 10 and 30 hours back: depending on the hour, that is yesterday. */
    private int createdBeforeToday() {
        return jdbc.sql("select count(*) from claim where id in (:ids) and (created_at at time zone 'UTC')::date < (now() at time zone 'UTC')::date")
                .param("ids", List.of(annStatistic.id(), benStatistic.id())).query(Integer.class).single();
    }
}
