package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ClaimApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Putin 😀 proposed a ceasefire. The US said no.";

    @LocalServerPort
    int port;
    HttpApi api;
    long documentId;

    @BeforeEach
    void addDocument() {
        api = new HttpApi(port);
        var created = api.postJson("/api/documents", "{\"title\":\"Claims API\",\"text\":\"" + TEXT + "\"}",
                "alice", "demo");
        documentId = json(created).get("id").asLong();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> createClaim(String body) {
        return api.send("POST", "/api/documents/" + documentId + "/claims", body, "alice", "demo");
    }

    private JsonNode createCeasefireClaim() {
        return json(createClaim("""
                {"start":9,"end":29,"type":"event","confidence":"HIGH","claimant":"Putin","quote":"proposed a ceasefire"}"""));
    }

    private static String detail(HttpResponse<String> response) {
        return json(response).get("detail").asString();
    }

    @Nested
    class Creating {

        @Test
        void a_claim_answers_201_with_its_location_etag_and_fields() {
            var response = createClaim("""
                    {"start":9,"end":29,"type":"event","confidence":"high","claimant":"Putin","quote":"proposed a ceasefire"}""");

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode claim = json(response);
            assertThat(response.headers().firstValue("Location")).hasValue(
                    "http://localhost:" + port + "/api/claims/" + claim.get("id").asLong());
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(claim.get("documentId").asLong()).isEqualTo(documentId);
            assertThat(claim.get("start").asInt()).isEqualTo(9);
            assertThat(claim.get("end").asInt()).isEqualTo(29);
            assertThat(claim.get("quote").asString()).isEqualTo("proposed a ceasefire");
            assertThat(claim.get("prefix").asString()).isEqualTo("Putin 😀 ");
            assertThat(claim.get("suffix").asString()).isEqualTo(". The US said no.");
            assertThat(claim.get("type").asString()).isEqualTo("event");
            assertThat(claim.get("confidence").asString()).isEqualTo("HIGH");
            assertThat(claim.get("status").asString()).isEqualTo("OPEN");
            assertThat(claim.get("restatement").asString()).isEqualTo("proposed a ceasefire");
            assertThat(claim.get("version").asInt()).isEqualTo(1);
            assertThat(claim.get("createdBy").asString()).isEqualTo("alice");
            assertThat(claim.get("createdAt").asString()).isNotBlank();
        }

        @Test
        void offsets_outside_the_text_answer_400_saying_so() {
            var response = createClaim("""
                    {"start":40,"end":4000,"type":"event","confidence":"LOW"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("not inside");
        }

        @Test
        void an_offset_inside_an_emoji_answers_400() {
            var response = createClaim("""
                    {"start":7,"end":20,"type":"event","confidence":"LOW"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("in half");
        }

        @Test
        void a_quote_that_is_not_the_text_there_answers_400() {
            var response = createClaim("""
                    {"start":9,"end":29,"type":"event","confidence":"LOW","quote":"proposed a truce"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("does not match");
        }

        @Test
        void missing_offsets_answer_400() {
            var response = createClaim("""
                    {"type":"event","confidence":"LOW"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("start and end");
        }

        @Test
        void an_unknown_type_answers_400() {
            var response = createClaim("""
                    {"start":9,"end":29,"type":"gossip","confidence":"LOW"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("gossip");
        }

        @Test
        void an_unknown_confidence_answers_400() {
            var response = createClaim("""
                    {"start":9,"end":29,"type":"event","confidence":"CERTAIN"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("LOW, MEDIUM, HIGH");
        }

        @Test
        void an_unknown_document_answers_404() {
            var response = api.send("POST", "/api/documents/987654321/claims",
                    "{\"start\":0,\"end\":1,\"type\":\"event\",\"confidence\":\"LOW\"}", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Reading {

        @Test
        void a_claim_reads_back_with_its_etag() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.get("/api/claims/" + id, "bob", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(json(response).get("quote").asString()).isEqualTo("proposed a ceasefire");
        }

        @Test
        void a_documents_claims_come_in_document_order() {
            createClaim("""
                    {"start":31,"end":46,"type":"quote","confidence":"LOW"}""");
            createCeasefireClaim();

            var response = api.get("/api/documents/" + documentId + "/claims", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).valueStream().map(claim -> claim.get("quote").asString()).toList())
                    .containsExactly("proposed a ceasefire", "The US said no.");
        }

        @Test
        void an_unknown_claim_answers_404() {
            assertThat(api.get("/api/claims/987654321", "alice", "demo").statusCode()).isEqualTo(404);
        }

        @Test
        void the_claim_types_are_listed_with_their_colours() {
            var response = api.get("/api/claim-types", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).valueStream().map(type -> type.get("code").asString()).toList())
                    .contains("event", "statistic", "quote", "attribution", "causal", "prediction", "policy",
                            "opinion");
            assertThat(json(response).get(0).get("colour").asString()).matches("#[0-9a-f]{6}");
        }
    }

    @Nested
    class Changing {

        @Test
        void a_patch_with_the_current_version_answers_200_and_a_new_etag() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.send("PATCH", "/api/claims/" + id, "{\"confidence\":\"LOW\",\"start\":0,\"end\":29}",
                    "bob", "demo", "If-Match", "\"1\"");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
            assertThat(json(response).get("quote").asString()).isEqualTo("Putin 😀 proposed a ceasefire");
            assertThat(json(response).get("confidence").asString()).isEqualTo("LOW");
        }

        @Test
        void a_patch_with_a_stale_version_answers_412_and_changes_nothing() {
            long id = createCeasefireClaim().get("id").asLong();
            api.send("PATCH", "/api/claims/" + id, "{\"note\":\"first\"}", "bob", "demo", "If-Match", "\"1\"");

            var response = api.send("PATCH", "/api/claims/" + id, "{\"note\":\"second\"}", "alice", "demo",
                    "If-Match", "\"1\"");

            assertThat(response.statusCode()).isEqualTo(412);
            assertThat(detail(response)).contains("changed this claim meanwhile");
            assertThat(json(api.get("/api/claims/" + id, "alice", "demo")).get("note").asString()).isEqualTo("first");
        }

        @Test
        void a_patch_without_if_match_answers_428() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.send("PATCH", "/api/claims/" + id, "{\"note\":\"x\"}", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(428);
            assertThat(detail(response)).contains("If-Match");
        }

        @Test
        void a_patch_that_moves_the_span_outside_the_text_answers_400() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.send("PATCH", "/api/claims/" + id, "{\"end\":9999}", "alice", "demo", "If-Match",
                    "\"1\"");

            assertThat(response.statusCode()).isEqualTo(400);
        }

        @Test
        void a_delete_with_the_current_version_answers_204_and_the_claim_is_gone() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.send("DELETE", "/api/claims/" + id, null, "alice", "demo", "If-Match", "\"1\"");

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(api.get("/api/claims/" + id, "alice", "demo").statusCode()).isEqualTo(404);
        }

        @Test
        void a_delete_with_a_stale_version_answers_412() {
            long id = createCeasefireClaim().get("id").asLong();

            var response = api.send("DELETE", "/api/claims/" + id, null, "alice", "demo", "If-Match", "\"7\"");

            assertThat(response.statusCode()).isEqualTo(412);
            assertThat(api.get("/api/claims/" + id, "alice", "demo").statusCode()).isEqualTo(200);
        }

        @Test
        void a_delete_without_if_match_answers_428() {
            long id = createCeasefireClaim().get("id").asLong();

            assertThat(api.send("DELETE", "/api/claims/" + id, null, "alice", "demo").statusCode()).isEqualTo(428);
        }

        @Test
        void changing_an_unknown_claim_answers_404() {
            var response = api.send("PATCH", "/api/claims/987654321", "{\"note\":\"x\"}", "alice", "demo",
                    "If-Match", "\"1\"");

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }
}
