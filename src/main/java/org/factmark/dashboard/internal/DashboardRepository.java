package org.factmark.dashboard.internal;

import java.util.Optional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * are UTC days throughout, as in claim_daily_stats.
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
                    .param("toDay", toDay).param("outlet", outlet).param("type", type).param("authorId", authorId);
        }

        /** Team figures come from claim_daily_stats; a reviewer's from their claims. */
        boolean fromStatistics() {
            return authorId == null;
        }
    }

    private static final String STATS_FILTERS = """
             day >= :fromDay and day <= :toDay
             and (cast(:outlet as text) is null or outlet = cast(:outlet as text))
             and (cast(:type as text) is null or type_code = cast(:type as text))
            """;

    private static final String FILTERS = """
             c.deleted_at is null
             and (cast(:outlet as text) is null or d.outlet = cast(:outlet as text))
             and (cast(:type as text) is null or c.type_code = cast(:type as text))
             and (cast(:authorId as bigint) is null or c.created_by = cast(:authorId as bigint))
            """;

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

    /** Per day: created, sent to review, verified, rejected (only days with any). */
    public List<DayCounts> throughput(Scope scope) {
        String sql = scope.fromStatistics() ? "select day, sum(created) as created, sum(sent) as sent,"
                + " coalesce(sum(decided) filter (where status = 'VERIFIED'), 0) as verified,"
                + " coalesce(sum(decided) filter (where status = 'REJECTED'), 0) as rejected"
                + " from claim_daily_stats where" + STATS_FILTERS + " group by day order by day"
                : "select day, sum(created) as created, sum(sent) as sent, sum(verified) as verified,"
                + " sum(rejected) as rejected from ("
                + " select " + day("c.created_at") + " as day, 1 as created, 0 as sent, 0 as verified, 0 as rejected"
                + " from claim c join document d on d.id = c.document_id where" + FILTERS + inPeriod("c.created_at")
                + " union all select " + day("c.sent_to_review_at") + ", 0, 1, 0, 0"
                + " from claim c join document d on d.id = c.document_id where" + FILTERS
                + " and c.sent_to_review_at is not null" + inPeriod("c.sent_to_review_at")
                + " union all select " + day("c.decided_at") + ", 0, 0, (c.status = 'VERIFIED')::int,"
                + " (c.status = 'REJECTED')::int"
                + " from claim c join document d on d.id = c.document_id where" + FILTERS
                + " and c.decided_at is not null and c.status in ('VERIFIED', 'REJECTED')" + inPeriod("c.decided_at")
                + ") events group by day order by day";
        return scope.bind(jdbc.sql(sql))
                .query((rs, row) -> new DayCounts(rs.getObject("day", LocalDate.class), rs.getLong("created"),
                        rs.getLong("sent"), rs.getLong("verified"), rs.getLong("rejected")))
                .list();
    }

    /** The claims created in the period, counted by type, by rating, by outlet and by status. */
    public Map<String, List<Count>> breakdowns(Scope scope) {
        String sql = scope.fromStatistics() ? """
                select grouping(type_code) = 0 as by_type, grouping(rating) = 0 as by_rating,
                       grouping(outlet) = 0 as by_outlet, type_code, nullif(rating, '') as rating,
                       nullif(outlet, '') as outlet, status, sum(created) as n
                from claim_daily_stats
                where created <> 0 and """ + STATS_FILTERS + """
                group by grouping sets ((type_code), (rating), (outlet), (status))
                having sum(created) > 0
                order by n desc
                """ : """
                select grouping(c.type_code) = 0 as by_type, grouping(c.rating) = 0 as by_rating,
                       grouping(d.outlet) = 0 as by_outlet, c.type_code, c.rating, d.outlet, c.status, count(*) as n
                from claim c join document d on d.id = c.document_id
                where""" + FILTERS + inPeriod("c.created_at") + """
                group by grouping sets ((c.type_code), (c.rating), (d.outlet), (c.status))
                order by n desc
                """;
        Map<String, List<Count>> result = Map.of("type", new ArrayList<>(), "rating", new ArrayList<>(),
                "outlet", new ArrayList<>(), "status", new ArrayList<>());
        scope.bind(jdbc.sql(sql)).query((ResultSet rs) -> {
            String dimension = rs.getBoolean("by_type") ? "type" : rs.getBoolean("by_rating") ? "rating"
                    : rs.getBoolean("by_outlet") ? "outlet" : "status";
            String key = rs.getString(switch (dimension) {
                case "type" -> "type_code";
                case "rating" -> "rating";
                case "outlet" -> "outlet";
                default -> "status";
            });
            result.get(dimension).add(new Count(key, rs.getLong("n")));
        });
        return result;
    }

    /** Claims in review now (whatever the period), and the five that have waited longest. */
    public TeamFigures.Queue queue(Scope scope) {
        String where = " from claim c join document d on d.id = c.document_id where" + FILTERS
                + " and c.status = 'IN_REVIEW'";
        long size = scope.bind(jdbc.sql("select count(*)" + where)).query(Long.class).single();
        List<TeamFigures.Waiting> oldest = scope.bind(jdbc.sql("select c.id, c.document_id, c.quote,"
                        + " coalesce(c.sent_to_review_at, c.created_at) as since" + where
                        + " order by coalesce(c.sent_to_review_at, c.created_at), c.id limit 5"))
                .query((rs, row) -> new TeamFigures.Waiting(rs.getLong("id"), rs.getLong("document_id"),
                        rs.getString("quote"), rs.getObject("since", OffsetDateTime.class).toInstant()))
                .list();
        return new TeamFigures.Queue(size, oldest);
    }

    /** Claims sent to review in the period that are still in review. */
    public long stillInReview(Scope scope) {
        if (scope.fromStatistics()) {
            return scope.bind(jdbc.sql("select coalesce(sum(sent), 0) from claim_daily_stats"
                    + " where status = 'IN_REVIEW' and" + STATS_FILTERS)).query(Long.class).single();
        }
        return scope.bind(jdbc.sql("select count(*) from claim c join document d on d.id = c.document_id where"
                        + FILTERS + " and c.status = 'IN_REVIEW' and c.sent_to_review_at is not null"
                        + inPeriod("c.sent_to_review_at")))
                .query(Long.class).single();
    }

    /** Median and 90th percentile of creation-to-verification time of the claims verified in the period. */
    public TeamFigures.Speed speed(Scope scope) {
        String sql = """
                select count(*) as n,
                       percentile_cont(0.5) within group (order by extract(epoch from c.decided_at - c.created_at)) as median,
                       percentile_cont(0.9) within group (order by extract(epoch from c.decided_at - c.created_at)) as p90
                from claim c join document d on d.id = c.document_id
                where""" + FILTERS + " and c.status = 'VERIFIED' and c.decided_at is not null" + inPeriod("c.decided_at");
        return scope.bind(jdbc.sql(sql)).query((rs, row) -> new TeamFigures.Speed(rs.getLong("n"),
                seconds(rs, "median"), seconds(rs, "p90"))).single();
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
    }

    /** Sources per claim verified in the period, the single-source ones, and the most cited sources and publishers. */
    public TeamFigures.Evidence evidence(Scope scope) {
        String verified = "select c.id from claim c join document d on d.id = c.document_id where" + FILTERS
                + " and c.status = 'VERIFIED' and c.decided_at is not null" + inPeriod("c.decided_at");
        // The links of the period's verified claims, counted once per claim and once per source.
        // Not materialized: inlined, the planner sees through them and joins by the indexes.
        String links = "with verified as not materialized (" + verified + "), links as not materialized"
                + " (select cs.claim_id, cs.source_id from verified v join claim_source cs on cs.claim_id = v.id) ";
        List<Count> perClaim = scope.bind(jdbc.sql(links + """
                        select case when n >= 5 then '5+' else n::text end as bucket, count(*) as claims
                        from (select v.id, count(l.source_id) as n from verified v
                              left join links l on l.claim_id = v.id group by v.id) counted
                        group by 1 order by 1
                        """))
                .query((rs, row) -> new Count(rs.getString("bucket"), rs.getLong("claims"))).list();
        long total = perClaim.stream().mapToLong(Count::count).sum();
        long single = perClaim.stream().filter(count -> count.key().equals("1")).mapToLong(Count::count).sum();
        List<Count> topSources = scope.bind(jdbc.sql(links + """
                        select coalesce(s.title, s.url) as source, top.n
                        from (select source_id, count(*) as n from links group by source_id
                              order by n desc, source_id limit 10) top
                        join source s on s.id = top.source_id order by top.n desc, source
                        """))
                .query((rs, row) -> new Count(rs.getString("source"), rs.getLong("n"))).list();
        List<Count> topPublishers = scope.bind(jdbc.sql(links + """
                        select s.publisher, count(distinct l.claim_id) as n
                        from links l join source s on s.id = l.source_id
                        where s.publisher is not null
                        group by s.publisher order by n desc, s.publisher limit 10
                        """))
                .query((rs, row) -> new Count(rs.getString("publisher"), rs.getLong("n"))).list();
        return new TeamFigures.Evidence(total, perClaim, single, topSources, topPublishers);
    }

    /** A reviewer's decided claims in the period, verified and rejected, by the confidence they gave. */
    public List<ReviewerFigures.Calibration> calibration(Scope scope) {
        String sql = """
                select c.confidence, count(*) filter (where c.status = 'VERIFIED') as verified,
                       count(*) filter (where c.status = 'REJECTED') as rejected
                from claim c join document d on d.id = c.document_id
                where""" + FILTERS + " and c.status in ('VERIFIED', 'REJECTED') and c.decided_at is not null"
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
                select case when ua.username < ub.username then ua.username else ub.username end as reviewer,
                       case when ua.username < ub.username then ub.username else ua.username end as other_reviewer,
                       case when ua.username < ub.username then a.type_code else b.type_code end as type,
                       case when ua.username < ub.username then b.type_code else a.type_code end as other_type,
                       count(*) as n
                from claim_overlap o
                join claim a on a.id = o.claim_id join claim b on b.id = o.other_claim_id
                join app_user ua on ua.id = a.created_by join app_user ub on ub.id = b.created_by
                join document d on d.id = a.document_id
                where a.deleted_at is null and b.deleted_at is null
                  and greatest(a.created_at, b.created_at) >= :from and greatest(a.created_at, b.created_at) < :to
                  and (cast(:outlet as text) is null or d.outlet = cast(:outlet as text))
                group by 1, 2, 3, 4
                """;
        return scope.bind(jdbc.sql(sql))
                .query((rs, row) -> new TypePairCount(rs.getString("reviewer"), rs.getString("other_reviewer"),
                        rs.getString("type"), rs.getString("other_type"), rs.getLong("n")))
                .list();
    }

    public record TypePairCount(String reviewer, String otherReviewer, String type, String otherType, long count) {
    }

    /** Overlapping claims of the two reviewers with different types, newest first. */
    public List<Agreement.Disagreement> disagreements(Scope scope, long reviewerId, long otherReviewerId, int limit) {
        String sql = """
                select d.id as document_id, d.title, a.id as claim_id, a.quote, a.type_code,
                       b.id as other_claim_id, b.quote as other_quote, b.type_code as other_type
                from claim_overlap o
                join claim a on a.id in (o.claim_id, o.other_claim_id)
                join claim b on b.id in (o.claim_id, o.other_claim_id) and b.id <> a.id
                join document d on d.id = a.document_id
                where a.created_by = :reviewerId and b.created_by = :otherReviewerId
                  and a.deleted_at is null and b.deleted_at is null and a.type_code <> b.type_code
                  and greatest(a.created_at, b.created_at) >= :from and greatest(a.created_at, b.created_at) < :to
                  and (cast(:outlet as text) is null or d.outlet = cast(:outlet as text))
                order by greatest(a.created_at, b.created_at) desc limit :limit
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
            case CREATED_ON -> inPeriod("c.created_at") + " and " + day("c.created_at") + " = cast(:key as date)";
            case SENT_ON -> " and c.sent_to_review_at is not null" + inPeriod("c.sent_to_review_at")
                    + " and " + day("c.sent_to_review_at") + " = cast(:key as date)";
            case VERIFIED_ON, REJECTED_ON -> " and c.decided_at is not null" + inPeriod("c.decided_at")
                    + " and c.status = '" + (drill == Drill.VERIFIED_ON ? "VERIFIED" : "REJECTED") + "'"
                    + " and " + day("c.decided_at") + " = cast(:key as date)";
            case TYPE -> inPeriod("c.created_at") + " and c.type_code = :key";
            case RATING -> inPeriod("c.created_at") + " and c.rating is not distinct from cast(:key as text)";
            case OUTLET -> inPeriod("c.created_at") + " and d.outlet is not distinct from cast(:key as text)";
            case STATUS -> inPeriod("c.created_at") + " and c.status = :key";
            case CONFIDENCE -> " and c.status in ('VERIFIED', 'REJECTED') and c.decided_at is not null"
                    + inPeriod("c.decided_at") + " and c.confidence = :key";
        };
        String sql = """
                select c.id, c.document_id, d.title, c.quote, c.type_code, c.status, u.username, c.created_at
                from claim c join document d on d.id = c.document_id join app_user u on u.id = c.created_by
                where""" + FILTERS + condition + " order by c.created_at desc, c.id desc limit :limit";
        return scope.bind(jdbc.sql(sql)).param("key", key).param("limit", limit)
                .query((rs, row) -> new ClaimBehind(rs.getLong("id"), rs.getLong("document_id"), rs.getString("title"),
                        rs.getString("quote"), rs.getString("type_code"), rs.getString("status"),
                        rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
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
