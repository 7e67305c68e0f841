package org.factmark.claim.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factmark.claim.Anchor;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for claims. Every update names the version it read and changes nothing when that is stale. */
@Repository
public class ClaimRepository {

    /** The values a claim holds besides its identity and bookkeeping. */
    public record ClaimValues(Anchor anchor, String type, Confidence confidence, String claimant, String note,
            String restatement) {
    }

    private static final String SELECT_CLAIM = """
            select c.id, c.document_id, c.start_offset, c.end_offset, c.quote, c.prefix, c.suffix, c.type_code,
                   c.confidence, c.claimant, c.note, c.restatement, c.status, c.version,
                   creator.username as created_by, c.created_at, editor.username as updated_by, c.updated_at,
                   c.rating, c.rationale, decider.username as decided_by, c.decided_at
            from claim c
            join app_user creator on creator.id = c.created_by
            join app_user editor on editor.id = c.updated_by
            left join app_user decider on decider.id = c.decided_by
            join document d on d.id = c.document_id
            """;

    /** Document order: by start, the longer of two claims that start together first, then by age. */
    private static final String DOCUMENT_ORDER = " order by c.start_offset, c.end_offset desc, c.id";

    private final JdbcClient jdbc;

    ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long documentId, ClaimValues values, long userId) {
        return jdbc.sql("""
                        insert into claim (document_id, start_offset, end_offset, quote, prefix, suffix, type_code,
                                           confidence, claimant, note, restatement, created_by, updated_by)
                        values (:documentId, :start, :end, :quote, :prefix, :suffix, :type,
                                :confidence, :claimant, :note, :restatement, :userId, :userId)
                        returning id
                        """)
                .param("documentId", documentId)
                .params(values(values))
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /**
     * The claim {@code userId} created in the document with exactly these values less than
     * {@code window} ago, if any. Takes a lock per user and document first, so that of two such
     * creates at once the second sees the first once it has committed. Not the document's lock that
     * the triggers take: they take it after their row locks, and taking it before them here would
     * deadlock; this one (two-key form, a lock space of its own) is only ever taken first.
     */
    public Optional<Long> twinCreatedWithin(long documentId, ClaimValues values, long userId, Duration window) {
        jdbc.sql("""
                        select pg_advisory_xact_lock(hashtext('same claim again'),
                                hashtext(cast(:documentId as text) || '/' || cast(:userId as text)))
                        """)
                .param("documentId", documentId)
                .param("userId", userId)
                .query()
                .singleRow();
        return jdbc.sql("""
                        select id from claim
                        where document_id = :documentId and created_by = :userId and deleted_at is null
                          and start_offset = :start and end_offset = :end and type_code = :type
                          and confidence = :confidence and claimant is not distinct from :claimant
                          and note is not distinct from :note and restatement = :restatement
                          and created_at > now() - make_interval(secs => :seconds)
                        order by id desc
                        limit 1
                        """)
                .param("documentId", documentId)
                .params(values(values))
                .param("userId", userId)
                .param("seconds", (double) window.toSeconds())
                .query(Long.class)
                .optional();
    }

    /** Applies the values when the claim still has {@code expectedVersion}; false when it does not. */
    public boolean update(long id, int expectedVersion, ClaimValues values, long userId) {
        return jdbc.sql("""
                        update claim
                        set start_offset = :start, end_offset = :end, quote = :quote, prefix = :prefix,
                            suffix = :suffix, type_code = :type, confidence = :confidence, claimant = :claimant,
                            note = :note, restatement = :restatement, updated_by = :userId, updated_at = now(),
                            version = version + 1
                        where id = :id and version = :version and deleted_at is null
                        """)
                .params(values(values))
                .param("id", id)
                .param("version", expectedVersion)
                .param("userId", userId)
                .update() == 1;
    }

    /** Marks the claim deleted when it still has {@code expectedVersion}; false when it does not. */
    public boolean markDeleted(long id, int expectedVersion, long userId) {
        return jdbc.sql("""
                        update claim
                        set deleted_at = now(), deleted_by = :userId, version = version + 1
                        where id = :id and version = :version and deleted_at is null
                        """)
                .param("id", id)
                .param("version", expectedVersion)
                .param("userId", userId)
                .update() == 1;
    }

    public Optional<Claim> findById(long id) {
        return jdbc.sql(SELECT_CLAIM + " where c.id = :id and c.deleted_at is null")
                .param("id", id)
                .query((rs, row) -> claim(rs))
                .optional();
    }

    public List<Claim> findByDocument(long documentId) {
        return jdbc.sql(SELECT_CLAIM + " where c.document_id = :documentId and c.deleted_at is null" + DOCUMENT_ORDER)
                .param("documentId", documentId)
                .query((rs, row) -> claim(rs))
                .list();
    }

    private static final String MATCHES_FILTER = """
             where c.deleted_at is null
               and (cast(:status as text) is null or c.status = :status)
               and (cast(:type as text) is null or c.type_code = :type)
               and (cast(:documentId as bigint) is null or c.document_id = :documentId)
               and (cast(:author as text) is null or creator.username = :author)
               and (cast(:outlet as text) is null or d.outlet = :outlet)
               and (cast(:text as text) is null or c.quote ilike '%' || :text || '%')
               and (cast(:waitingDays as integer) is null
                    or coalesce(c.sent_to_review_at, c.created_at)
                       <= now() - make_interval(days => cast(:waitingDays as integer)))
            """;

    /** Claims across documents, those waiting longest for review first (then by creation). */
    public List<Claim> search(ClaimFilter filter, long offset, int limit) {
        return filtered(jdbc.sql(SELECT_CLAIM + MATCHES_FILTER
                        + " order by coalesce(c.sent_to_review_at, c.created_at), c.id offset :offset limit :limit"),
                filter)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> claim(rs))
                .list();
    }

    public long count(ClaimFilter filter) {
        return filtered(jdbc.sql("""
                        select count(*) from claim c
                        join app_user creator on creator.id = c.created_by
                        join document d on d.id = c.document_id
                        """ + MATCHES_FILTER), filter)
                .query(Long.class)
                .single();
    }

    /** Authors of claims, for filters. */
    public List<String> authors() {
        return jdbc.sql("""
                        select distinct u.username from claim c join app_user u on u.id = c.created_by
                        where c.deleted_at is null order by u.username
                        """)
                .query(String.class)
                .list();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, ClaimFilter filter) {
        return statement
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("type", filter.type())
                .param("documentId", filter.documentId())
                .param("author", filter.author())
                .param("outlet", filter.outlet())
                .param("waitingDays", filter.waitingDays())
                .param("text", filter.text());
    }

    /** Claimants already named in this document, most used first, for suggestions. */
    public List<String> findClaimants(long documentId) {
        return jdbc.sql("""
                        select claimant from claim
                        where document_id = :documentId and deleted_at is null and claimant is not null
                        group by claimant order by count(*) desc, claimant
                        """)
                .param("documentId", documentId)
                .query(String.class)
                .list();
    }

    private static Map<String, Object> values(ClaimValues values) {
        var map = new HashMap<String, Object>();
        map.put("start", values.anchor().start());
        map.put("end", values.anchor().end());
        map.put("quote", values.anchor().quote());
        map.put("prefix", values.anchor().prefix());
        map.put("suffix", values.anchor().suffix());
        map.put("type", values.type());
        map.put("confidence", values.confidence().name());
        map.put("claimant", values.claimant());
        map.put("note", values.note());
        map.put("restatement", values.restatement());
        return map;
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("start_offset"),
                rs.getInt("end_offset"), rs.getString("quote"), rs.getString("prefix"), rs.getString("suffix"),
                rs.getString("type_code"), Confidence.valueOf(rs.getString("confidence")), rs.getString("claimant"),
                rs.getString("note"), rs.getString("restatement"), ClaimStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), rs.getString("rationale"),
                rs.getString("decided_by"), instant(rs.getObject("decided_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
