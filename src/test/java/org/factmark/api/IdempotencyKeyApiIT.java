package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class IdempotencyKeyApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIM = """
            {"start":0,"end":5,"type":"event","confidence":"HIGH","quote":"Putin"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    HttpApi api;
    long documentId;

    @BeforeEach
    void addDocument() {
        api = new HttpApi(port);
        var created = api.postJson("/api/documents",
                "{\"title\":\"Retries\",\"text\":\"Putin proposed a ceasefire.\"}", "alice", "demo");
        documentId = JSON.readTree(created.body()).get("id").asLong();
    }

    private HttpResponse<String> createClaim(String body, String... headers) {
        return api.send("POST", "/api/documents/" + documentId + "/claims", body, "alice", "demo", headers);
    }

    private long claims() {
        return jdbc.sql("select count(*) from claim where document_id = ?").param(documentId).query(Long.class).single();
    }

    // Claims are not used where a second creation must happen: the same claim sent twice within seconds is
    // saved once whatever the key (ClaimServiceIT), so only documents show that nothing is replayed.
    private static String documentTitled(String title) {
        return "{\"title\":\"" + title + "\",\"text\":\"Putin proposed a ceasefire.\"}";
    }

    private long documentsLike(String document) {
        String title = JSON.readTree(document).get("title").asString();
        return jdbc.sql("select count(*) from document where title = ?").param(title).query(Long.class).single();
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_creates_one_claim() {
        String key = UUID.randomUUID().toString();

        var first = createClaim(CLAIM, "Idempotency-Key", key);
        var retry = createClaim(CLAIM, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(retry.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void every_creating_post_replays_its_answer_for_the_same_key() {
        String comment = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        long claimId = JSON.readTree(createClaim(CLAIM).body()).get("id").asLong();
        String documentBody = "{\"title\":\"Once\",\"text\":\"Only once.\"}";

        var firstDocument = api.send("POST", "/api/documents", documentBody, "alice", "demo", "Idempotency-Key", document);
        var secondDocument = api.send("POST", "/api/documents", documentBody, "alice", "demo", "Idempotency-Key", document);
        var firstComment = api.send("POST", "/api/claims/" + claimId + "/comments", "{\"text\":\"Which?\"}", "alice",
                "demo", "Idempotency-Key", comment);
        var secondComment = api.send("POST", "/api/claims/" + claimId + "/comments", "{\"text\":\"Which?\"}", "alice",
                "demo", "Idempotency-Key", comment);

        assertThat(secondDocument.body()).isEqualTo(firstDocument.body());
        assertThat(secondComment.body()).isEqualTo(firstComment.body());
        assertThat(jdbc.sql("select count(*) from claim_comment where claim_id = ?").param(claimId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_request_answers_422_and_creates_nothing() {
        String key = UUID.randomUUID().toString();
        createClaim(CLAIM, "Idempotency-Key", key);

        var other = createClaim(CLAIM.replace("HIGH", "LOW"), "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(other.body()).get("detail").asString()).contains("different request");
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_user() {
        String key = UUID.randomUUID().toString();
        createClaim(CLAIM, "Idempotency-Key", key);

        var bobs = api.send("POST", "/api/documents/" + documentId + "/claims", CLAIM, "bob", "demo",
                "Idempotency-Key", key);

        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(claims()).isEqualTo(2);
    }

    @Test
    void a_refused_request_keeps_no_answer_so_its_corrected_retry_runs() {
        String key = UUID.randomUUID().toString();
        String noConfidence = CLAIM.replace("\"confidence\":\"HIGH\",", "");

        var refused = createClaim(noConfidence, "Idempotency-Key", key);
        var again = createClaim(noConfidence, "Idempotency-Key", key);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(claims()).isZero();
    }

    @Test
    void the_same_key_while_the_first_request_still_runs_answers_409() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> retry;
        CompletableFuture<HttpResponse<String>> first;
        try (Connection blocker = dataSource.getConnection()) {
            // Holds the first request inside its transaction, at the claim's insert.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table claim in exclusive mode");
            first = CompletableFuture.supplyAsync(() -> createClaim(CLAIM, "Idempotency-Key", key));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            var retrying = CompletableFuture.supplyAsync(() -> createClaim(CLAIM, "Idempotency-Key", key));
            try {
                retry = retrying.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException waitedForTheFirst) {
                retry = null;
            }
            blocker.rollback();
        }

        assertThat(retry).as("an answer while the first request runs").isNotNull();
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(retry.body()).get("detail").asString()).contains("still running");
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void without_a_key_every_post_creates() {
        String document = documentTitled(UUID.randomUUID().toString());
        api.postJson("/api/documents", document, "alice", "demo");
        var again = api.postJson("/api/documents", document, "alice", "demo");

        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(documentsLike(document)).isEqualTo(2);
    }

    @Test
    void a_key_expires_after_24_hours() {
        String key = UUID.randomUUID().toString();
        String document = documentTitled(key);
        api.send("POST", "/api/documents", document, "alice", "demo", "Idempotency-Key", key);
        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where key = ?").param(key).update();

        var later = api.send("POST", "/api/documents", document, "alice", "demo", "Idempotency-Key", key);

        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(documentsLike(document)).isEqualTo(2);
    }

    @Test
    void a_key_longer_than_255_characters_answers_400() {
        var tooLong = createClaim(CLAIM, "Idempotency-Key", "k".repeat(256));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(claims()).isZero();
    }
}
