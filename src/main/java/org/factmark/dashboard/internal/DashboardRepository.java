package org.factmark.dashboard.internal;

import java.util.Optional;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Rating;
import org.factmark.dashboard.Agreement;
import org.factmark.dashboard.ClaimBehind;
import org.factmark.dashboard.Drill;
import org.factmark.dashboard.ReviewerFigures;
import org.factmark.dashboard.TeamFigures;
import org.factmark.dashboard.TeamFigures.Count;
import org.factmark.dashboard.TeamFigures.DayCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboards' read-only SQL. Every query takes the same filter parameters: the period as
 * timestamps (from inclusive, to exclusive), and an outlet, a type code and an author id, each
 * null for "any". The indexes of migration V0007 serve the period conditions.
 */
@Repository
public class DashboardRepository {

    /**
     * The period (from and to included) and filters, bound the same way into every query. Days
     * are UTC days throughout, as in the summary tables.
     */
    public record Scope(LocalDate fromDay, LocalDate toDay, String outlet, String type, Long authorId) {

        OffsetDateTime from() {
            return fromDay.atStartOfDay().atOffset(ZoneOffset.UTC);
        }

        OffsetDateTime to() {
            return toDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        }

        private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("from", from()).param("to", to()).param("fromDay", fromDay)
                    .param("toDay", toDay).param("monthsFrom", wholeMonthsFrom()).param("monthsTo", wholeMonthsTo()).param("outlet", outlet).param("type", type).param("authorId", authorId);
        }

        /** Team figures come from the summary tables of V0008; a reviewer's from their claims. */
        boolean fromSummaries() {
            return authorId == null;
        }

        /** The first day of the period's first whole calendar month. */
        LocalDate wholeMonthsFrom() {
            return fromDay.getDayOfMonth() == 1 ? fromDay : fromDay.withDayOfMonth(1).plusMonths(1);
        }

        /** The day after the period's last whole calendar month (not after wholeMonthsFrom when there is none). */
        LocalDate wholeMonthsTo() {
            return toDay.plusDays(1).withDayOfMonth(1);
        }

        /*
         * Filters are written into the SQL only when set: "(:x is null or column = :x)" would leave
         * the planner one plan for every case, and a poor one for most.
         */

        /** " from claim c ... where ...": the claims the filters select (with document d when by outlet). */
        String claims() {
            return outlet == null ? " from claim c where c.deleted_at is null" + claimConditions() : claimsAndDocuments();
        }

        /** The same, always with document d. */
        String claimsAndDocuments() {
            return " from claim c join document d on d.id = c.document_id where c.deleted_at is null" + claimConditions();
        }

        /** The filters on claim c and, by outlet, its document d. */
        String claimConditions() {
            return (authorId == null ? "" : " and c.created_by = :authorId") + conditions("d.outlet", "c.type_code");
        }

        /** The outlet and type filters on a table with columns of those names (no type column: by outlet only). */
        String conditions(String outletColumn, String typeColumn) {
            return (outlet == null ? "" : " and " + outletColumn + " = :outlet")
                    + (type == null || typeColumn == null ? "" : " and " + typeColumn + " = :type") + " ";
        }

        /** On a summary kept per day and per month (grain, starts): the period's whole months, then its other days. */
        String monthsAndDays() {
            return " ((grain = 'month' and starts >= :monthsFrom and starts < :monthsTo)"
                    + " or (grain = 'day' and starts >= :fromDay and starts <= :toDay"
                    + " and (starts < :monthsFrom or starts >= :monthsTo))) ";
        }

        /** The period's days and the filters on a summary table. */
        String days() {
            return " day >= :fromDay and day <= :toDay" + conditions("outlet", "type_code");
        }
    }

    private static final String IN_PERIOD = " >= :from and %s < :to ";

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String inPeriod(String column) {
        return " and " + column + IN_PERIOD.formatted(column);
    }

    private static String day(String column) {
        return "(" + column + " at time zone 'UTC')::date";
    }

    /**
     * Per day: created, sent to review, verified, rejected (days without any may be left out): the
     * team's from claim_day_figures, a reviewer's from claim_author_day_figures, and a reviewer's
     * within one outlet or type from their claims.
     */
    public List<DayCounts> throughput(Scope scope) {
        boolean byAuthorOnly = scope.authorId() != null && scope.outlet() == null && scope.type() == null;
        String sql = scope.fromSummaries() ? "select day, sum(created) as created, sum(sent) as sent,"
                + " sum(verified) as verified, sum(rejected) as rejected"
                + " from claim_day_figures where" + scope.days() + " group by day order by day"
                : byAuthorOnly ? "select day, created, sent, verified, rejected from claim_author_day_figures"
                + " where author = :authorId and day >= :fromDay and day <= :toDay order by day"
                : "select day, sum(created) as created, sum(sent) as sent, sum(verified) as verified,"
                + " sum(rejected) as rejected from ("
                + " select " + day("c.created_at") + " as day, 1 as created, 0 as sent, 0 as verified, 0 as rejected"
                + scope.claims() + inPeriod("c.created_at")
                + " union all select " + day("c.sent_to_review_at") + ", 0, 1, 0, 0"
                + scope.claims()
                + " and c.sent_to_review_at is not null" + inPeriod("c.sent_to_review_at")
                + " union all select " + day("c.decided_at") + ", 0, 0, (c.status = 'VERIFIED')::int,"
                + " (c.status = 'REJECTED')::int"
                + scope.claims()
                + " and c.decided_at is not null and c.status in ('VERIFIED', 'REJECTED')" + inPeriod("c.decided_at")
                + ") events group by day order by day";
        return scope.bind(jdbc.sql(sql))
                .query((rs, row) -> new DayCounts(rs.getObject("day", LocalDate.class), rs.getLong("created"),
                        rs.getLong("sent"), rs.getLong("verified"), rs.getLong("rejected")))
                .list();
    }

    /** The claims created in the period, counted by type, by rating, by outlet and by status, most first. */
    public Breakdowns breakdowns(Scope scope) {
        var breakdowns = new Breakdowns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (scope.fromSummaries()) {
            countFromSummaries(scope, breakdowns);
        } else {
            countClaims(scope, breakdowns);
        }
        Comparator<Count> mostFirst = Comparator.comparingLong(Count::count).reversed()
                .thenComparing(Count::key, Comparator.nullsLast(Comparator.naturalOrder()));
        for (List<Count> counts : List.of(breakdowns.byType(), breakdowns.byRating(), breakdowns.byOutlet(),
                breakdowns.byStatus())) {
            counts.removeIf(count -> count.count() == 0);
            counts.sort(mostFirst);
        }
        return breakdowns;
    }

    public record Breakdowns(List<Count> byType, List<Count> byRating, List<Count> byOutlet, List<Count> byStatus) {
    }


    /** Per type and per outlet from one grouping set each; statuses and ratings are columns of the whole period. */
    private void countFromSummaries(Scope scope, Breakdowns breakdowns) {
        String sql = """
                select grouping(type_code) = 0 as by_type, grouping(outlet) = 0 as by_outlet, type_code,
                       nullif(outlet, '') as outlet, sum(created) as created,
                       sum(now_open) as open, sum(now_in_review) as in_review, sum(now_verified) as verified,
                       sum(now_rejected) as rejected, sum(rated_true) as true, sum(rated_mostly_true) as mostly_true,
                       sum(rated_mixed) as mixed, sum(rated_misleading) as misleading, sum(rated_false) as false,
                       sum(rated_unproven) as unproven
                from claim_day_figures
                where""" + scope.days() + """
                group by grouping sets ((type_code), (outlet), ())
                """;
        scope.bind(jdbc.sql(sql)).query((ResultSet rs) -> {
            long created = rs.getLong("created");
            if (rs.getBoolean("by_type")) {
                breakdowns.byType().add(new Count(rs.getString("type_code"), created));
            } else if (rs.getBoolean("by_outlet")) {
                breakdowns.byOutlet().add(new Count(rs.getString("outlet"), created));
            } else {
                // The columns are named after the constants: one that the query lacks fails loudly.
                for (ClaimStatus status : ClaimStatus.values()) {
                    breakdowns.byStatus().add(new Count(status.name(),
                            rs.getLong(status.name().toLowerCase(Locale.ROOT))));
                }
                long rated = 0;
                for (Rating rating : Rating.values()) {
                    long count = rs.getLong(rating.name().toLowerCase(Locale.ROOT));
                    breakdowns.byRating().add(new Count(rating.name(), count));
                    rated += count;
                }
                breakdowns.byRating().add(new Count(null, created - rated));
            }
        });
    }

    private void countClaims(Scope scope, Breakdowns breakdowns) {
        String sql = """
                select grouping(c.type_code) = 0 as by_type, grouping(c.rating) = 0 as by_rating,
                       grouping(d.outlet) = 0 as by_outlet, c.type_code, c.rating, d.outlet, c.status, count(*) as n
                """ + scope.claimsAndDocuments() + inPeriod("c.created_at") + """
                group by grouping sets ((c.type_code), (c.rating), (d.outlet), (c.status))
                """;
        scope.bind(jdbc.sql(sql)).query((ResultSet rs) -> {
            long n = rs.getLong("n");
            if (rs.getBoolean("by_type")) {
                breakdowns.byType().add(new Count(rs.getString("type_code"), n));
            } else if (rs.getBoolean("by_rating")) {
                breakdowns.byRating().add(new Count(rs.getString("rating"), n));
            } else if (rs.getBoolean("by_outlet")) {
                breakdowns.byOutlet().add(new Count(rs.getString("outlet"), n));
            } else {
                breakdowns.byStatus().add(new Count(rs.getString("status"), n));
            }
        });
    }

    /** Claims in review now (whatever the period), and the five that have waited longest. */
    public TeamFigures.Queue queue(Scope scope) {
        String inReview = scope.claims()
                + " and c.status = 'IN_REVIEW'";
        String count = scope.fromSummaries()
                ? "select coalesce(sum(now_in_review), 0) from claim_day_figures where true" + scope.conditions("outlet", "type_code")
                : "select count(*)" + inReview;
        long size = scope.bind(jdbc.sql(count)).query(Long.class).single();
        // Claims enter review with sent_to_review_at set; claim_review_queue_idx walks them oldest first.
        List<TeamFigures.Waiting> oldest = scope.bind(jdbc.sql("select c.id, c.document_id, c.quote,"
                        + " c.sent_to_review_at" + inReview + " order by c.sent_to_review_at, c.id limit 5"))
                .query((rs, row) -> new TeamFigures.Waiting(rs.getLong("id"), rs.getLong("document_id"),
                        rs.getString("quote"), rs.getObject("sent_to_review_at", OffsetDateTime.class).toInstant()))
                .list();
        return new TeamFigures.Queue(size, oldest);
    }

    /** Claims sent to review in the period that are still in review. */
    /** The first UTC day on which a claim (of {@code authorId}, or anyone's when null) was created, sent or decided. */
    public Optional<LocalDate> firstActiveDay(Long authorId) {
        String sql = authorId == null
                ? "select min(day) from claim_day_figures where created + sent + verified + rejected > 0"
                : "select min(day) from claim_author_day_figures where author = :author"
                        + " and created + sent + verified + rejected > 0";
        var query = jdbc.sql(sql);
        if (authorId != null) {
            query = query.param("author", authorId);
        }
        return query.query(LocalDate.class).optional();
    }

    public long stillInReview(Scope scope) {
        String sql = scope.fromSummaries()
                ? "select coalesce(sum(sent_still_in_review), 0) from claim_day_figures where" + scope.days()
                : "select count(*)" + scope.claims()
                + " and c.status = 'IN_REVIEW' and c.sent_to_review_at is not null" + inPeriod("c.sent_to_review_at");
        return scope.bind(jdbc.sql(sql)).query(Long.class).single();
    }

    /**
     * Median and 90th percentile of creation-to-verification time of the claims verified in the
     * period, from the histogram of verification_time_stats (within 2.5 %): the team's from its whole
     * months and remaining days, a reviewer's from their claims, bucketed the same way.
     */
    public TeamFigures.Speed speed(Scope scope) {
        String sql = scope.fromSummaries() ? """
                select bucket, sum(claims) as claims
                from verification_time_stats
                where""" + scope.monthsAndDays() + scope.conditions("outlet", "type_code") + " group by bucket"
                : "select verification_time_bucket(extract(epoch from c.decided_at - c.created_at)) as bucket,"
                + " count(*) as claims" + scope.claims()
                + " and c.status = 'VERIFIED' and c.decided_at is not null" + inPeriod("c.decided_at") + " group by 1";
        String withTimes = "select verification_time_of_bucket(bucket) as seconds, claims from (" + sql
                + ") histogram where claims > 0 order by bucket";
        List<TimeBucket> histogram = scope.bind(jdbc.sql(withTimes))
                .query((rs, row) -> new TimeBucket(rs.getDouble("seconds"), rs.getLong("claims"))).list();
        long verified = histogram.stream().mapToLong(TimeBucket::claims).sum();
        return new TeamFigures.Speed(verified, percentile(histogram, verified, 0.5), percentile(histogram, verified, 0.9));
    }

    private record TimeBucket(double seconds, long claims) {
    }

    /** As percentile_cont: interpolated between the two times either side of the rank. */
    private static Duration percentile(List<TimeBucket> histogram, long total, double fraction) {
        if (total == 0) {
            return null;
        }
        double rank = fraction * (total - 1);
        double below = secondsAt(histogram, (long) Math.floor(rank));
        double above = secondsAt(histogram, (long) Math.ceil(rank));
        double seconds = below + (rank - Math.floor(rank)) * (above - below);
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The time of the claim at this rank (from 0), in ascending order of time. */
    private static double secondsAt(List<TimeBucket> histogram, long rank) {
        long seen = 0;
        for (TimeBucket bucket : histogram) {
            seen += bucket.claims();
            if (rank < seen) {
                return bucket.seconds();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen);
    }

    /** Sources per claim verified in the period, the single-source ones, and the most cited sources and publishers. */
    public TeamFigures.Evidence evidence(Scope scope) {
        List<Count> perClaim = sourcesPerVerifiedClaim(scope);
        long total = perClaim.stream().mapToLong(Count::count).sum();
        long single = perClaim.stream().filter(count -> count.key().equals("1")).mapToLong(Count::count).sum();
        List<Count> topSources = mostCitedSources(scope, CANDIDATES, TOP);
        // The team's from publisher_citation_stats (a null outlet or type there stands for all), a
        // reviewer's from their links.
        String publishers = scope.fromSummaries()
                ? "select publisher, sum(citations) as n from publisher_citation_stats where" + scope.monthsAndDays()
                + (scope.outlet() == null ? " and outlet is null" : " and outlet = :outlet")
                + (scope.type() == null ? " and type_code is null" : " and type_code = :type")
                + " group by publisher having sum(citations) > 0"
                : "select source_publisher as publisher, count(*) as n from claim_source"
                + " where source_publisher is not null and" + verifiedLinks(scope) + " group by source_publisher";
        List<Count> topPublishers = scope.bind(jdbc.sql(publishers + " order by n desc, publisher limit :top"))
                .param("top", TOP)
                .query((rs, row) -> new Count(rs.getString("publisher"), rs.getLong("n"))).list();
        return new TeamFigures.Evidence(total, perClaim, single, topSources, topPublishers);
    }

    /** The period's links of verified claims on claim_source, through claim_source_verified_idx or, by reviewer, _by_author_idx. */
    private static String verifiedLinks(Scope scope) {
        return " verified_on >= :fromDay and verified_on <= :toDay"
                + (scope.authorId() == null ? "" : " and claim_author = :authorId")
                + scope.conditions("claim_outlet", "claim_type");
    }

    /** How many sources and publishers the evidence lists. */
    public static final int TOP = 10;

    /** How many of the most cited sources of all time {@link #mostCitedSources} counts first. */
    public static final int CANDIDATES = 1000;

    /**
     * The sources cited by most of the period's verified claims. A period's most cited are nearly
     * always among the most cited of all time (source.verified_citations), so those candidates are
     * counted first, a short read of claim_source_cited_idx. If the last of the top ten among them
     * was cited more often in the period than the first source left out was in all time, no source
     * left out can reach the list and it is exact; otherwise every link of the period is counted.
     */
    public List<Count> mostCitedSources(Scope scope, int candidates, int top) {
        record Cited(long sourceId, long citations) {
        }
        List<Cited> mostCitedEver = jdbc.sql("select id, verified_citations from source"
                        + " order by verified_citations desc, id limit :candidates")
                .param("candidates", candidates + 1)
                .query((rs, row) -> new Cited(rs.getLong("id"), rs.getLong("verified_citations"))).list();
        long firstLeftOut = mostCitedEver.size() > candidates ? mostCitedEver.getLast().citations() : 0;
        String counted = "select source_id, count(*) as n from claim_source where" + verifiedLinks(scope);
        String mostFirst = " group by source_id order by n desc, source_id limit :top";
        List<Cited> leaders = List.of();
        // With no cited source left out, counting every link is as short as counting the candidates';
        // a reviewer's links are few, and claim_source_verified_by_author_idx reads only theirs.
        if (firstLeftOut > 0 && scope.authorId() == null) {
            leaders = scope.bind(jdbc.sql(counted + " and source_id = any(cast(:candidates as bigint[]))" + mostFirst))
                    .param("candidates", mostCitedEver.stream().limit(candidates).map(Cited::sourceId).toArray(Long[]::new))
                    .param("top", top)
                    .query((rs, row) -> new Cited(rs.getLong("source_id"), rs.getLong("n"))).list();
        }
        boolean exact = firstLeftOut > 0 && leaders.size() == top && leaders.getLast().citations() > firstLeftOut;
        if (!exact) {
            leaders = scope.bind(jdbc.sql(counted + mostFirst)).param("top", top)
                    .query((rs, row) -> new Cited(rs.getLong("source_id"), rs.getLong("n"))).list();
        }
        Map<Long, String> titles = new HashMap<>();
        jdbc.sql("select id, coalesce(title, url) as title from source where id = any(cast(:ids as bigint[]))")
                .param("ids", leaders.stream().map(Cited::sourceId).toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    titles.put(rs.getLong("id"), rs.getString("title"));
                });
        return leaders.stream().map(cited -> new Count(titles.get(cited.sourceId()), cited.citations()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();
    }

    /** How many of the period's verified claims cite 0, 1, 2, 3, 4 and 5 or more sources (buckets with any). */
    private List<Count> sourcesPerVerifiedClaim(Scope scope) {
        String sql = scope.fromSummaries() ? """
                select sum(verified_with_0_sources) as "0", sum(verified_with_1_source) as "1",
                       sum(verified_with_2_sources) as "2", sum(verified_with_3_sources) as "3",
                       sum(verified_with_4_sources) as "4", sum(verified_with_5_or_more) as "5+"
                from claim_day_figures where""" + scope.days()
                : "select count(*) filter (where c.source_count = 0) as \"0\","
                + " count(*) filter (where c.source_count = 1) as \"1\", count(*) filter (where c.source_count = 2) as \"2\","
                + " count(*) filter (where c.source_count = 3) as \"3\", count(*) filter (where c.source_count = 4) as \"4\","
                + " count(*) filter (where c.source_count >= 5) as \"5+\""
                + scope.claims()
                + " and c.status = 'VERIFIED' and c.decided_at is not null" + inPeriod("c.decided_at");
        List<Count> buckets = new ArrayList<>();
        scope.bind(jdbc.sql(sql)).query((ResultSet rs) -> {
            for (String bucket : List.of("0", "1", "2", "3", "4", "5+")) {
                buckets.add(new Count(bucket, rs.getLong(bucket)));
            }
        });
        buckets.removeIf(count -> count.count() == 0);
        return buckets;
    }

    /** A reviewer's decided claims in the period, verified and rejected, by the confidence they gave. */
    public List<ReviewerFigures.Calibration> calibration(Scope scope) {
        String sql = """
                select c.confidence, count(*) filter (where c.status = 'VERIFIED') as verified,
                       count(*) filter (where c.status = 'REJECTED') as rejected
                """ + scope.claims() + " and c.status in ('VERIFIED', 'REJECTED') and c.decided_at is not null"
                + inPeriod("c.decided_at") + " group by c.confidence";
        return scope.bind(jdbc.sql(sql))
                .query((rs, row) -> new ReviewerFigures.Calibration(rs.getString("confidence"), rs.getLong("verified"),
                        rs.getLong("rejected")))
                .list();
    }

    /**
     * Overlapping claims of two different authors where the later of the two was created in the
     * period: per pair of authors (by name, the first before the second) and per pair of types.
     */
    public List<TypePairCount> overlaps(Scope scope) {
        String sql = """
                select reviewer, other_reviewer, reviewer_type, other_type, count(*) as n
                from claim_overlap
                where live and day >= :fromDay and day <= :toDay""" + scope.conditions("outlet", null) + """
                group by 1, 2, 3, 4
                """;
        record Cell(long reviewer, long otherReviewer, String type, String otherType, long count) {
        }
        List<Cell> cells = scope.bind(jdbc.sql(sql))
                .query((rs, row) -> new Cell(rs.getLong("reviewer"), rs.getLong("other_reviewer"),
                        rs.getString("reviewer_type"), rs.getString("other_type"), rs.getLong("n")))
                .list();
        // Named and ordered by username here, not in the query: it is shorter without the joins.
        Map<Long, String> usernames = new HashMap<>();
        jdbc.sql("select id, username from app_user where id in (select author from unnest(cast(:ids as bigint[])) author)")
                .param("ids", cells.stream().flatMap(cell -> Stream.of(cell.reviewer(), cell.otherReviewer()))
                        .distinct().toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    usernames.put(rs.getLong("id"), rs.getString("username"));
                });
        return cells.stream().map(cell -> {
            String reviewer = usernames.get(cell.reviewer());
            String otherReviewer = usernames.get(cell.otherReviewer());
            return reviewer.compareTo(otherReviewer) < 0
                    ? new TypePairCount(reviewer, otherReviewer, cell.type(), cell.otherType(), cell.count())
                    : new TypePairCount(otherReviewer, reviewer, cell.otherType(), cell.type(), cell.count());
        }).toList();
    }

    public record TypePairCount(String reviewer, String otherReviewer, String type, String otherType, long count) {
    }

    /** Overlapping claims of the two reviewers with different types, newest first. */
    public List<Agreement.Disagreement> disagreements(Scope scope, long reviewerId, long otherReviewerId, int limit) {
        String sql = """
                select d.id as document_id, d.title, a.id as claim_id, a.quote, a.type_code,
                       b.id as other_claim_id, b.quote as other_quote, b.type_code as other_type
                from claim_overlap o
                join claim a on a.id in (o.claim_id, o.other_claim_id) and a.created_by = :reviewerId
                join claim b on b.id in (o.claim_id, o.other_claim_id) and b.created_by = :otherReviewerId
                join document d on d.id = a.document_id
                where o.reviewer = least(:reviewerId, :otherReviewerId)
                  and o.other_reviewer = greatest(:reviewerId, :otherReviewerId)
                  and o.live and o.reviewer_type <> o.other_type and o.day >= :fromDay and o.day <= :toDay
                  """ + scope.conditions("o.outlet", null) + """
                order by o.day desc, o.other_claim_id desc limit :limit
                """;
        return scope.bind(jdbc.sql(sql)).param("reviewerId", reviewerId).param("otherReviewerId", otherReviewerId)
                .param("limit", limit)
                .query((rs, row) -> new Agreement.Disagreement(rs.getLong("document_id"), rs.getString("title"),
                        rs.getLong("claim_id"), rs.getString("quote"), rs.getString("type_code"),
                        rs.getLong("other_claim_id"), rs.getString("other_quote"), rs.getString("other_type")))
                .list();
    }

    /** The claims behind one bar or point, newest first. */
    public List<ClaimBehind> claimsBehind(Scope scope, Drill drill, String key, int limit) {
        String condition = switch (drill) {
            case CREATED_ON -> inPeriod("c.created_at");
            case SENT_ON -> " and c.sent_to_review_at is not null" + inPeriod("c.sent_to_review_at");
            case VERIFIED_ON, REJECTED_ON -> " and c.decided_at is not null" + inPeriod("c.decided_at")
                    + " and c.status = '" + (drill == Drill.VERIFIED_ON ? "VERIFIED" : "REJECTED") + "'";
            case TYPE -> inPeriod("c.created_at") + " and c.type_code = :key";
            case RATING -> inPeriod("c.created_at") + " and c.rating is not distinct from cast(:key as text)";
            case OUTLET -> inPeriod("c.created_at") + " and d.outlet is not distinct from cast(:key as text)";
            case STATUS -> inPeriod("c.created_at") + " and c.status = :key";
            case CONFIDENCE -> " and c.status in ('VERIFIED', 'REJECTED') and c.decided_at is not null"
                    + inPeriod("c.decided_at") + " and c.confidence = :key";
        };
        if (drill.isDay()) {
            // The day is the period: the indexes on the timestamps then read that day only.
            LocalDate day = LocalDate.parse(key);
            if (day.isBefore(scope.fromDay()) || day.isAfter(scope.toDay())) {
                return List.of();
            }
            scope = new Scope(day, day, scope.outlet(), scope.type(), scope.authorId());
        }
        String sql = """
                select c.id, c.document_id, d.title, c.quote, t.name as type_name, c.status, u.display_name,
                       c.created_at
                from claim c join document d on d.id = c.document_id join app_user u on u.id = c.created_by
                join claim_type t on t.code = c.type_code
                where c.deleted_at is null""" + scope.claimConditions() + condition + " order by c.created_at desc, c.id desc limit :limit";
        return scope.bind(jdbc.sql(sql)).param("key", key).param("limit", limit)
                .query((rs, row) -> new ClaimBehind(rs.getLong("id"), rs.getLong("document_id"), rs.getString("title"),
                        rs.getString("quote"), rs.getString("type_name"), rs.getString("status"),
                        rs.getString("display_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public List<String> outlets() {
        return jdbc.sql("select distinct outlet from document where outlet is not null order by outlet")
                .query(String.class).list();
    }

    /** A reviewer's id and display name. */
    public Optional<ReviewerName> reviewer(String username) {
        return jdbc.sql("select id, username, display_name from app_user where username = :username")
                .param("username", username)
                .query((rs, row) -> new ReviewerName(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name")))
                .optional();
    }

    public record ReviewerName(long id, String username, String displayName) {
    }

    /** Everyone who has created a claim, by username. */
    public List<String> authors() {
        return jdbc.sql("select u.username from app_user u where exists (select 1 from claim c where c.created_by = u.id)"
                        + " order by u.username")
                .query(String.class).list();
    }
}
