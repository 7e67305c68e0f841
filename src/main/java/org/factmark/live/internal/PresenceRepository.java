package org.factmark.live.internal;

import java.util.Comparator;
import java.util.List;
import org.factmark.live.Presence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the presence table; its triggers announce joins, leaves and edits (db/migration V0006). */
@Repository
public class PresenceRepository {

    private final JdbcClient jdbc;

    PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tab, long documentId, long userId) {
        jdbc.sql("insert into presence (tab_key, document_id, user_id) values (:tab, :documentId, :userId)")
                .param("tab", tab)
                .param("documentId", documentId)
                .param("userId", userId)
                .update();
    }

    /** Only the tab's owner keeps it alive; false when the row is gone. */
    public boolean touch(String tab, long userId) {
        return jdbc.sql("update presence set seen_at = now() where tab_key = :tab and user_id = :userId")
                .param("tab", tab)
                .param("userId", userId)
                .update() == 1;
    }

    /** Unchanged values are not written, so that they are not announced either. */
    public void editing(String tab, long userId, Long claimId) {
        jdbc.sql("""
                        update presence set editing_claim_id = :claimId, seen_at = now()
                        where tab_key = :tab and user_id = :userId
                          and editing_claim_id is distinct from :claimId
                        """)
                .param("tab", tab)
                .param("userId", userId)
                .param("claimId", claimId)
                .update();
    }

    public void delete(String tab, long userId) {
        jdbc.sql("delete from presence where tab_key = :tab and user_id = :userId")
                .param("tab", tab)
                .param("userId", userId)
                .update();
    }

    public void deleteSilentFor(int seconds) {
        jdbc.sql("delete from presence where seen_at < now() - make_interval(secs => :seconds)")
                .param("seconds", seconds)
                .update();
    }

    public List<Presence> inDocument(long documentId) {
        return jdbc.sql("""
                        select distinct on (u.id) u.id, u.username, u.display_name, p.editing_claim_id
                        from presence p join app_user u on u.id = p.user_id
                        where p.document_id = :documentId
                        order by u.id, p.editing_claim_id nulls last, p.seen_at desc
                        """)
                .param("documentId", documentId)
                .query((rs, row) -> new Presence(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getObject("editing_claim_id", Long.class)))
                .list()
                .stream()
                .sorted(Comparator.comparing(Presence::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
