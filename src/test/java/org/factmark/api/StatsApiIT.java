package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GET /api/stats/summary: the team's figures of a period for newsroom reporting. */
@IntegrationTest
class StatsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpApi api;
    String outlet;

    @BeforeEach
    void twoClaimsInAnOutletOfTheirOwn() {
        api = new HttpApi(port);
        outlet = "Stats outlet " + System.nanoTime();
        long documentId = JSON.readTree(api.postJson("/api/documents", "{\"title\":\"Stats\",\"outlet\":\"" + outlet
                + "\",\"text\":\"Officials said 12 sites were hit overnight.\"}", "alice", "demo").body())
                .get("id").asLong();
        for (String span : new String[] {"{\"start\":0,\"end\":14", "{\"start\":15,\"end\":23"}) {
            var created = api.postJson("/api/documents/" + documentId + "/claims",
                    span + ",\"type\":\"statistic\",\"confidence\":\"HIGH\"}", "alice", "demo");
            assertThat(created.statusCode()).isEqualTo(201);
        }
        long first = JSON.readTree(api.get("/api/documents/" + documentId + "/claims", "alice", "demo").body())
                .get(0).get("id").asLong();
        var sent = api.send("PATCH", "/api/claims/" + first, "{\"status\":\"IN_REVIEW\"}", "alice", "demo",
                "If-Match", "\"1\"");
        assertThat(sent.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> summary(String query, String user) {
        return api.get("/api/stats/summary" + query, user, "demo");
    }

    @Test
    void an_editor_gets_the_counts_of_the_period_as_json() {
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();

        var response = summary("?from=" + today + "&to=" + today + "&outlet=" + outlet.replace(" ", "%20"), "editor");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode figures = JSON.readTree(response.body());
        assertThat(figures.get("created").asLong()).isEqualTo(2);
        assertThat(figures.get("sentToReview").asLong()).isEqualTo(1);
        assertThat(figures.get("inReview").asLong()).isEqualTo(1);
        assertThat(figures.get("verified").asLong()).isZero();
        assertThat(figures.get("rejected").asLong()).isZero();
        assertThat(figures.get("funnel").get("open").asLong()).isEqualTo(1);
        assertThat(figures.get("byType").get(0).get("key").asString()).isEqualTo("statistic");
        assertThat(figures.get("queue").get("size").asLong()).isEqualTo(1);
    }

    @Test
    void without_a_period_the_summary_covers_all_time() {
        JsonNode figures = JSON.readTree(summary("", "admin").body());

        assertThat(figures.get("from").isNull()).isTrue();
        assertThat(figures.get("created").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reviewers_may_not_read_the_team_figures() {
        assertThat(summary("", "alice").statusCode()).isEqualTo(403);
    }

    @Test
    void a_malformed_or_reversed_period_is_a_bad_request_with_a_problem_detail() {
        var malformed = summary("?from=yesterday", "editor");
        var reversed = summary("?from=2026-05-02&to=2026-05-01", "editor");
        var implausible = summary("?from=0001-01-01", "editor");

        for (var response : java.util.List.of(malformed, reversed, implausible)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(JSON.readTree(reversed.body()).get("detail").asString()).contains("starts after it ends");
    }
}
