package org.factmark.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** ClaimReview and W3C Web Annotation output for the demo articles, field by field. */
@IntegrationTest
class LinkedDataApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private JsonNode get(String path) {
        var response = new HttpApi(port).get(path, "alice", "demo");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void every_verified_demo_claim_is_a_claim_review_with_the_fields_consumers_require() {
        JsonNode reviews = get("/api/export/claimreview.json");

        assertThat(reviews.size()).isGreaterThanOrEqualTo(3);
        JsonNode aid = reviews.valueStream()
                .filter(review -> review.get("claimReviewed").asString().contains("$95 billion")).findFirst()
                .orElseThrow();
        assertThat(aid.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(aid.get("@type").asString()).isEqualTo("ClaimReview");
        assertThat(aid.get("url").asString()).startsWith("https://factmark.example/fact-checks/");
        assertThat(aid.get("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(aid.get("author").get("@type").asString()).isEqualTo("Organization");
        assertThat(aid.get("author").get("name").asString()).isEqualTo("Factmark demo desk");
        JsonNode rating = aid.get("reviewRating");
        assertThat(rating.get("ratingValue").asInt()).isEqualTo(5);
        assertThat(rating.get("bestRating").asInt()).isEqualTo(5);
        assertThat(rating.get("worstRating").asInt()).isEqualTo(1);
        assertThat(rating.get("alternateName").asString()).isEqualTo("True");
        JsonNode item = aid.get("itemReviewed");
        assertThat(item.get("@type").asString()).isEqualTo("Claim");
        assertThat(item.get("appearance").get("publisher").get("name").asString()).isEqualTo("Tabloid");
        assertThat(item.get("datePublished").asString()).isEqualTo("2024-02-13");
        assertThat(aid.get("citation").get(0).get("url").asString()).isEqualTo(
                "https://www.senate.gov/legislative/votes_new.htm");
    }

    @Test
    void a_documents_claims_are_a_web_annotation_collection_with_both_selectors() {
        JsonNode documents = get("/api/documents?q=ceasefire+Zelenskyy");
        long tabloid = documents.get("content").get(0).get("id").asLong();
        String text = get("/api/documents/" + tabloid).get("text").asString();

        JsonNode collection = get("/api/documents/" + tabloid + "/annotations");

        assertThat(collection.get("@context").get(0).asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.get("type").asString()).isEqualTo("AnnotationCollection");
        JsonNode items = collection.get("first").get("items");
        assertThat(collection.get("total").asInt()).isEqualTo(items.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode annotation : items) {
            assertThat(annotation.get("id").asString()).startsWith("http://localhost:" + port + "/api/claims/");
            assertThat(annotation.get("type").asString()).isEqualTo("Annotation");
            assertThat(annotation.get("created").asString()).endsWith("Z");
            assertThat(annotation.get("target").get("source").asString())
                    .isEqualTo("http://localhost:" + port + "/api/documents/" + tabloid);
            JsonNode quote = annotation.get("target").get("selector").get(0);
            JsonNode position = annotation.get("target").get("selector").get(1);
            assertThat(quote.get("type").asString()).isEqualTo("TextQuoteSelector");
            assertThat(position.get("type").asString()).isEqualTo("TextPositionSelector");
            // Code points, as the model counts them: the same span of the same text.
            int start = text.offsetByCodePoints(0, position.get("start").asInt());
            int end = text.offsetByCodePoints(0, position.get("end").asInt());
            assertThat(text.substring(start, end)).isEqualTo(quote.get("exact").asString());
            assertThat(annotation.get("body").get(0).get("purpose").asString()).isEqualTo("classifying");
            assertThat(annotation.has("factmark:confidence")).isTrue();
            assertThat(annotation.has("factmark:status")).isTrue();
        }
        assertThat(items.valueStream().flatMap(annotation -> annotation.get("body").valueStream())
                .map(body -> body.get("purpose").asString())).contains("assessing", "linking");
    }

    @Test
    void a_rationale_with_a_closing_script_tag_cannot_close_the_script_element_the_claim_review_is_pasted_into() {
        var api = new HttpApi(port);
        String rationale = "Fake.</script><script>alert(1)</script>\u2028line\u2029paragraph <!-- & -->";
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"Embedding\",\"text\":\"The mayor said the bridge cost 4 million.\"}", "alice", "demo")
                .body()).get("id").asLong();
        long claimId = JSON.readTree(api.send("POST", "/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":41,\"type\":\"statistic\",\"confidence\":\"HIGH\"}", "alice", "demo").body())
                .get("id").asLong();
        api.send("POST", "/api/claims/" + claimId + "/sources", """
                {"url":"https://city.example/bridge-%d","title":"Budget","kind":"OFFICIAL_STATEMENT",
                 "stance":"REFUTES"}""".formatted(claimId), "alice", "demo");
        var inReview = api.send("PATCH", "/api/claims/" + claimId, "{\"status\":\"IN_REVIEW\"}", "alice", "demo",
                "If-Match", "\"2\"");
        int version = JSON.readTree(inReview.body()).get("version").asInt();
        var verdict = JSON.createObjectNode().put("status", "VERIFIED").put("rating", "FALSE")
                .put("rationale", rationale);
        var verified = api.send("PATCH", "/api/claims/" + claimId, JSON.writeValueAsString(verdict), "editor", "demo",
                "If-Match", "\"" + version + "\"");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        var response = api.get("/api/export/claimreview.json?documentId=" + documentId, "alice", "demo");

        assertThat(response.body()).doesNotContain("</").doesNotContain("<!--").doesNotContain("\u2028")
                .doesNotContain("\u2029");
        assertThat(JSON.readTree(response.body()).get(0).get("reviewBody").asString()).isEqualTo(rationale);
    }
}
