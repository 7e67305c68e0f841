package org.factmark.api.internal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored answers to POSTs sent with an Idempotency-Key, one per user and key. */
@Repository
public class IdempotencyRepository {

    /** An answer as the client first got it. */
    public record StoredAnswer(byte[] requestHash, int status, String location, String etag, String contentType,
            byte[] body) {
    }

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the key until the current transaction ends; false when another request holds it now.
     * An advisory lock, so that a second request with the key is told at once instead of waiting.
     */
    public boolean tryLock(long userId, String key) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:user || ':' || :key, 0))")
                .param("user", userId).param("key", key).query(Boolean.class).single();
    }

    /** The answer stored for this key within the last {@code lifetime}; older ones are deleted. */
    public Optional<StoredAnswer> find(long userId, String key, Duration lifetime) {
        jdbc.sql("delete from idempotency_key where user_id = :user and created_at < now() - make_interval(secs => :secs)")
                .param("user", userId).param("secs", lifetime.toSeconds()).update();
        return jdbc.sql("""
                        select request_hash, status, location, etag, content_type, body
                        from idempotency_key where user_id = :user and key = :key""")
                .param("user", userId).param("key", key)
                .query(StoredAnswer.class).optional();
    }

    public void store(long userId, String key, StoredAnswer answer) {
        jdbc.sql("""
                        insert into idempotency_key (user_id, key, request_hash, status, location, etag, content_type, body)
                        values (:user, :key, :hash, :status, :location, :etag, :contentType, :body)""")
                .param("user", userId).param("key", key).param("hash", answer.requestHash())
                .param("status", answer.status()).param("location", answer.location()).param("etag", answer.etag())
                .param("contentType", answer.contentType()).param("body", answer.body())
                .update();
    }
}
