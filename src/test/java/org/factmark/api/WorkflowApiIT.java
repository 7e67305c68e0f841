package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Sources, verdicts, comments and history through the API, with every status code the contract names. */
@IntegrationTest
class WorkflowApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpApi api;
    long documentId;

    @BeforeEach
    void addDocument() {
        api = new HttpApi(port);
        documentId = json(api.postJson("/api/documents",
                "{\"title\":\"Workflow API\",\"text\":\"Officials said 12 sites were hit overnight.\"}", "alice",
                "demo")).get("id").asLong();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode claimBy(String user) {
        return json(api.send("POST", "/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":42,\"type\":\"statistic\",\"confidence\":\"HIGH\"}", user, "demo"));
    }

    private HttpResponse<String> patch(long claimId, String body, String user, int version) {
        return api.send("PATCH", "/api/claims/" + claimId, body, user, "demo", "If-Match", "\"" + version + "\"");
    }

    private HttpResponse<String> linkSource(long claimId, String user) {
        return api.send("POST", "/api/claims/" + claimId + "/sources", """
                {"url":"https://ministry.example/strikes-%d","title":"Ministry statement","kind":"OFFICIAL_STATEMENT",
                 "stance":"SUPPORTS","excerpt":"twelve sites"}""".formatted(claimId), user, "demo");
    }

    @Test
    void a_source_is_created_once_per_url_and_a_bad_url_is_refused() {
        String body = "{\"url\":\"https://Wire.example/story-" + documentId + "#x\",\"title\":\"Wire story\"}";

        var first = api.send("POST", "/api/sources", body, "alice", "demo");
        var again = api.send("POST", "/api/sources", body, "bob", "demo");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("url").asString()).isEqualTo("https://wire.example/story-" + documentId);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asLong()).isEqualTo(json(first).get("id").asLong());
        assertThat(api.send("POST", "/api/sources", "{\"url\":\"javascript:alert(1)\",\"title\":\"x\"}", "alice",
                "demo").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/sources?q=wire", "alice", "demo").body()).contains("Wire story");
        assertThat(api.get("/api/sources/987654321", "alice", "demo").statusCode()).isEqualTo(404);
    }

    @Test
    void linking_answers_201_the_claim_lists_its_sources_and_unlinking_answers_204() {
        long claimId = claimBy("alice").get("id").asLong();

        var linked = linkSource(claimId, "alice");

        assertThat(linked.statusCode()).isEqualTo(201);
        JsonNode claim = json(api.get("/api/claims/" + claimId, "alice", "demo"));
        assertThat(claim.get("sources")).hasSize(1);
        assertThat(claim.get("sources").get(0).get("stance").asString()).isEqualTo("SUPPORTS");
        assertThat(claim.get("sources").get(0).get("excerpt").asString()).isEqualTo("twelve sites");
        assertThat(linkSource(claimId, "bob").statusCode()).as("the same source twice").isEqualTo(409);
        long sourceId = json(linked).get("source").get("id").asLong();
        assertThat(api.send("DELETE", "/api/claims/" + claimId + "/sources/" + sourceId, null, "alice", "demo")
                .statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/claims/" + claimId + "/sources/" + sourceId, null, "alice", "demo")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void a_claim_goes_through_review_and_each_refusal_has_its_status_code() {
        JsonNode claim = claimBy("alice");
        long id = claim.get("id").asLong();
        linkSource(id, "alice");

        assertThat(api.send("PATCH", "/api/claims/" + id, "{\"status\":\"IN_REVIEW\"}", "alice", "demo").statusCode())
                .as("no If-Match").isEqualTo(428);
        assertThat(patch(id, "{\"status\":\"IN_REVIEW\"}", "alice", 1).statusCode())
                .as("linking a source made version 1 stale").isEqualTo(412);
        var sent = patch(id, "{\"status\":\"IN_REVIEW\"}", "alice", 2);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(json(sent).get("status").asString()).isEqualTo("IN_REVIEW");
        int version = json(sent).get("version").asInt();

        var byReviewer = patch(id, "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"ok\"}", "bob", version);
        assertThat(byReviewer.statusCode()).isEqualTo(403);
        assertThat(json(byReviewer).get("detail").asString()).contains("editors");

        var incomplete = patch(id, "{\"status\":\"VERIFIED\"}", "editor", version);
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(json(incomplete).get("detail").asString()).contains("a rating").contains("a rationale");
        var reasonless = patch(id, "{\"status\":\"REJECTED\",\"rationale\":\"  \"}", "editor", version);
        assertThat(reasonless.statusCode()).as("a rejection without a reason").isEqualTo(422);
        assertThat(json(reasonless).get("detail").asString()).contains("rationale");

        assertThat(patch(id, "{\"status\":\"VERIFIED\",\"note\":\"x\"}", "editor", version).statusCode())
                .as("status mixed with an edit").isEqualTo(400);
        assertThat(patch(id, "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"ok\"}", "editor",
                version - 1).statusCode()).as("stale").isEqualTo(412);

        var verified = patch(id, """
                {"status":"VERIFIED","rating":"MOSTLY_TRUE","rationale":"The ministry's own figures say twelve."}""",
                "editor", version);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json(verified).get("verifiedBy").asString()).isEqualTo("editor");
        assertThat(json(verified).get("verifiedAt").asString()).isNotBlank();
        assertThat(json(verified).get("rating").asString()).isEqualTo("MOSTLY_TRUE");
        int decided = json(verified).get("version").asInt();

        assertThat(patch(id, "{\"note\":\"late edit\"}", "alice", decided).statusCode()).as("read-only").isEqualTo(409);
        assertThat(patch(id, "{\"status\":\"OPEN\"}", "alice", decided).statusCode()).isEqualTo(403);
        assertThat(patch(id, "{\"status\":\"OPEN\"}", "editor", decided).statusCode()).isEqualTo(200);
    }

    @Test
    void an_editor_cannot_verify_their_own_claim() {
        long id = claimBy("editor").get("id").asLong();
        linkSource(id, "editor");
        int version = json(patch(id, "{\"status\":\"IN_REVIEW\"}", "editor", 2)).get("version").asInt();

        var response = patch(id, "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"ok\"}", "editor", version);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString()).contains("four-eyes");
    }

    @Test
    void comments_and_history_are_kept_in_order() {
        long id = claimBy("alice").get("id").asLong();

        var comment = api.send("POST", "/api/claims/" + id + "/comments", "{\"text\":\"Which ministry?\"}", "bob", "demo");
        assertThat(comment.statusCode()).isEqualTo(201);
        assertThat(api.send("POST", "/api/claims/" + id + "/comments", "{\"text\":\"  \"}", "bob", "demo").statusCode())
                .isEqualTo(400);
        api.send("POST", "/api/claims/" + id + "/comments", "{\"text\":\"The defence ministry.\"}", "alice", "demo");

        JsonNode comments = json(api.get("/api/claims/" + id + "/comments", "alice", "demo"));
        assertThat(comments.valueStream().map(c -> c.get("author").asString() + ": " + c.get("text").asString())
                .toList()).containsExactly("bob: Which ministry?", "alice: The defence ministry.");
        JsonNode history = json(api.get("/api/claims/" + id + "/history", "alice", "demo"));
        assertThat(history.valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("CLAIM_CREATED", "COMMENTED", "COMMENTED");
    }

    @Test
    void the_review_queue_lists_claims_in_review_oldest_first() {
        long first = claimBy("alice").get("id").asLong();
        long second = claimBy("bob").get("id").asLong();
        patch(second, "{\"status\":\"IN_REVIEW\"}", "bob", 1);
        patch(first, "{\"status\":\"IN_REVIEW\"}", "alice", 1);

        JsonNode page = json(api.get("/api/claims?status=IN_REVIEW&documentId=" + documentId, "editor", "demo"));

        assertThat(page.get("content").valueStream().map(c -> c.get("id").asLong()).toList())
                .containsExactly(second, first);
        assertThat(api.get("/api/claims?status=DONE", "editor", "demo").statusCode()).isEqualTo(400);
        JsonNode bobs = json(api.get("/api/claims?status=IN_REVIEW&author=bob&documentId=" + documentId, "editor",
                "demo"));
        assertThat(bobs.get("content").valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(second);
        JsonNode waitingLong = json(api.get("/api/claims?status=IN_REVIEW&waitingDays=1&documentId=" + documentId,
                "editor", "demo"));
        assertThat(waitingLong.get("totalElements").asLong()).as("both were sent just now").isZero();
    }
}
