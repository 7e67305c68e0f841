package org.factmark.review.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Rating;
import org.factmark.review.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the review workflow. The workflow owns the claim's status and verdict columns (status,
 * rating, rationale, decided_*, sent_to_review_at); the claim feature owns the rest of the row.
 */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the claim from {@code from} to {@code to} when it still has {@code version} and that status;
     * false otherwise. A decision records who decided and when; other moves clear the verdict.
     */
    public boolean transition(long claimId, int version, ClaimStatus from, ClaimStatus to, Rating rating,
            String rationale, long actorId) {
        boolean decision = to.isDecided();
        return jdbc.sql("""
                        update claim
                        set status = :to, rating = :rating, rationale = :rationale,
                            decided_by = case when :decision then :actor end,
                            decided_at = case when :decision then now() end,
                            sent_to_review_at = case when :to = 'IN_REVIEW' then now() else sent_to_review_at end,
                            updated_by = :actor, updated_at = now(), version = version + 1
                        where id = :id and version = :version and status = :from and deleted_at is null
                          and (:to <> 'VERIFIED' or exists (select 1 from claim_source s where s.claim_id = :id))
                        """)
                .param("id", claimId)
                .param("version", version)
                .param("from", from.name())
                .param("to", to.name())
                .param("rating", rating == null ? null : rating.name())
                .param("rationale", rationale)
                .param("decision", decision)
                .param("actor", actorId)
                .update() == 1;
    }

    /**
     * Whether the user shaped the claim since it was last reopened: edited it, changed its sources or
     * sent it to review. Such a user is an author too, for the four-eyes rule.
     */
    public boolean shaped(long claimId, long userId) {
        return jdbc.sql("""
                        select exists (
                            select 1 from claim_history h
                            where h.claim_id = :claimId and h.actor_id = :userId
                              and h.action in ('CLAIM_CREATED', 'CLAIM_EDITED', 'SOURCE_LINKED', 'SOURCE_UNLINKED',
                                               'SENT_TO_REVIEW')
                              and h.id > (select coalesce(max(r.id), 0) from claim_history r
                                          where r.claim_id = :claimId and r.action = 'REOPENED'))
                        """)
                .param("claimId", claimId)
                .param("userId", userId)
                .query(Boolean.class)
                .single();
    }

    public long insertComment(long claimId, long authorId, String text) {
        return jdbc.sql("insert into claim_comment (claim_id, author_id, body) values (:claimId, :authorId, :body)"
                        + " returning id")
                .param("claimId", claimId)
                .param("authorId", authorId)
                .param("body", text)
                .query(Long.class)
                .single();
    }

    public List<Comment> comments(long claimId) {
        return jdbc.sql("""
                        select c.id, c.claim_id, u.username, c.body, c.created_at
                        from claim_comment c join app_user u on u.id = c.author_id
                        where c.claim_id = :claimId order by c.id
                        """)
                .param("claimId", claimId)
                .query((rs, row) -> new Comment(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("username"),
                        rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public boolean fourEyes() {
        return jdbc.sql("select value from app_setting where name = 'four_eyes'").query(String.class).optional()
                .map(Boolean::parseBoolean).orElse(true);
    }

    public void setFourEyes(boolean required) {
        jdbc.sql("update app_setting set value = :value, version = version + 1 where name = 'four_eyes'")
                .param("value", String.valueOf(required))
                .update();
    }
}
