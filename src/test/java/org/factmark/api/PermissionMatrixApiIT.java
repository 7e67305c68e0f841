package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.factmark.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The permission matrix again, through the API: each role against each action on bob's claim. */
@IntegrationTest
class PermissionMatrixApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "alice,  create,  201", "editor, create,  201", "admin,  create,  201",
            "alice,  edit,    200", "editor, edit,    200", "admin,  edit,    200",
            "alice,  cite,    201", "editor, cite,    201", "admin,  cite,    201",
            "alice,  comment, 201", "editor, comment, 201", "admin,  comment, 201",
            "alice,  send,    200", "editor, send,    200", "admin,  send,    200",
            "alice,  verify,  403", "editor, verify,  200", "admin,  verify,  200",
            "alice,  reject,  403", "editor, reject,  200", "admin,  reject,  200",
            "alice,  reopen,  403", "editor, reopen,  200", "admin,  reopen,  200"})
    void each_role_gets_exactly_the_answer_its_role_allows(String user, String action, int expected) {
        var api = new HttpApi(port);
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"Matrix\",\"text\":\"Officials said 12 sites were hit.\"}", "bob", "demo").body())
                .get("id").asLong();
        JsonNode claim = JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":33,\"type\":\"statistic\",\"confidence\":\"LOW\"}", "bob", "demo").body());
        long id = claim.get("id").asLong();
        api.postJson("/api/claims/" + id + "/sources", """
                {"url":"https://ministry.example/m-%d","title":"Ministry","stance":"SUPPORTS"}""".formatted(id), "bob",
                "demo");
        int version = version(api, id);
        if (action.equals("verify") || action.equals("reject") || action.equals("reopen")) {
            version = patch(api, id, "{\"status\":\"IN_REVIEW\"}", "bob", version).statusCode() == 200
                    ? version(api, id) : version;
        }
        if (action.equals("reopen")) {
            patch(api, id, "{\"status\":\"REJECTED\",\"rationale\":\"Not checkable.\"}", "editor", version);
            version = version(api, id);
        }

        HttpResponse<String> response = switch (action) {
            case "create" -> api.postJson("/api/documents/" + documentId + "/claims",
                    "{\"start\":0,\"end\":9,\"type\":\"event\",\"confidence\":\"LOW\"}", user, "demo");
            case "edit" -> patch(api, id, "{\"note\":\"checked\"}", user, version);
            case "cite" -> api.postJson("/api/claims/" + id + "/sources", """
                    {"url":"https://data.example/d-%d","title":"Data","stance":"CONTEXT"}""".formatted(id), user, "demo");
            case "comment" -> api.postJson("/api/claims/" + id + "/comments", "{\"text\":\"Seen.\"}", user, "demo");
            case "send" -> patch(api, id, "{\"status\":\"IN_REVIEW\"}", user, version);
            case "verify" -> patch(api, id, "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"Checked.\"}",
                    user, version);
            case "reject" -> patch(api, id, "{\"status\":\"REJECTED\",\"rationale\":\"Not checkable.\"}", user,
                    version);
            case "reopen" -> patch(api, id, "{\"status\":\"OPEN\"}", user, version);
            default -> throw new IllegalArgumentException(action);
        };

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    private static int version(HttpApi api, long claimId) {
        return JSON.readTree(api.get("/api/claims/" + claimId, "bob", "demo").body()).get("version").asInt();
    }

    private static HttpResponse<String> patch(HttpApi api, long claimId, String body, String user, int version) {
        return api.send("PATCH", "/api/claims/" + claimId, body, user, "demo", "If-Match", "\"" + version + "\"");
    }
}
