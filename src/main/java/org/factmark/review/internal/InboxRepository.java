package org.factmark.review.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.factmark.review.InboxMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the inbox; a trigger announces each new or read message to its recipient (db/migration V0006). */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to the claim's creator, unless the creator did it themselves. */
    public void tellCreator(long claimId, long actorId, String event) {
        jdbc.sql("""
                        insert into inbox_message (recipient_id, claim_id, actor_id, event)
                        select c.created_by, c.id, :actorId, :event from claim c
                        where c.id = :claimId and c.created_by <> :actorId
                        """)
                .param("claimId", claimId)
                .param("actorId", actorId)
                .param("event", event)
                .update();
    }

    /** Newest first. */
    public List<InboxMessage> latest(long recipientId, int limit) {
        return jdbc.sql("""
                        select m.id, m.claim_id, c.document_id, d.title, c.quote, u.display_name, m.event, m.at,
                               m.read_at is not null as read,
                               -- the verdict's rationale as it was then, even after the claim was reopened: the
                               -- history entry written in the message's transaction (at its start or later)
                               (select h.after ->> 'rationale' from claim_history h
                                where h.claim_id = m.claim_id and h.actor_id = m.actor_id and h.action = m.event
                                  and h.at >= m.at and m.event in ('VERIFIED', 'REJECTED')
                                order by h.id limit 1) as reason
                        from inbox_message m
                        join claim c on c.id = m.claim_id
                        join document d on d.id = c.document_id
                        join app_user u on u.id = m.actor_id
                        where m.recipient_id = :recipientId
                        order by m.id desc limit :limit
                        """)
                .param("recipientId", recipientId)
                .param("limit", limit)
                .query((rs, row) -> new InboxMessage(rs.getLong("id"), rs.getLong("claim_id"), rs.getLong("document_id"),
                        rs.getString("title"), rs.getString("quote"), rs.getString("display_name"),
                        rs.getString("event"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("read"), rs.getString("reason")))
                .list();
    }

    public int unread(long recipientId) {
        return jdbc.sql("select count(*) from inbox_message where recipient_id = :recipientId and read_at is null")
                .param("recipientId", recipientId)
                .query(Integer.class)
                .single();
    }

    /** Marks the recipient's messages up to {@code upToId} (inclusive) read. */
    public void markRead(long recipientId, long upToId) {
        jdbc.sql("""
                        update inbox_message set read_at = now()
                        where recipient_id = :recipientId and id <= :upToId and read_at is null
                        """)
                .param("recipientId", recipientId)
                .param("upToId", upToId)
                .update();
    }
}
