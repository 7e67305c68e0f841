package org.factmark.review.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.factmark.review.HistoryEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** SQL of the append-only claim history: rows are inserted and read, never changed (a trigger makes sure). */
@Repository
public class HistoryRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HistoryRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(long claimId, long actorId, String action, Object before, Object after) {
        jdbc.sql("""
                        insert into claim_history (claim_id, actor_id, action, before, after)
                        values (:claimId, :actorId, :action, cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("claimId", claimId)
                .param("actorId", actorId)
                .param("action", action)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** Oldest first. */
    public List<HistoryEntry> forClaim(long claimId) {
        return jdbc.sql("""
                        select h.id, h.claim_id, u.username, h.at, h.action, h.before::text as before,
                               h.after::text as after
                        from claim_history h join app_user u on u.id = h.actor_id
                        where h.claim_id = :claimId order by h.id
                        """)
                .param("claimId", claimId)
                .query((rs, row) -> new HistoryEntry(rs.getLong("id"), rs.getLong("claim_id"),
                        rs.getString("username"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("action"), rs.getString("before") == null ? null : json.readTree(rs.getString("before")),
                        rs.getString("after") == null ? null : json.readTree(rs.getString("after"))))
                .list();
    }
}
