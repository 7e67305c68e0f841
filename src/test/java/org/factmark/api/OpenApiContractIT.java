package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API does what its OpenAPI document says: every operation the served document lists is called,
 * with success and with the errors a client typically meets, and each live answer (status, headers,
 * body) is checked against the document, bodies with a JSON Schema validator (docs/decisions/0014).
 */
@IntegrationTest
class OpenApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Where the document is registered for the validator, so that its {@code $ref}s resolve. */
    private static final String DOCUMENT_IRI = "https://factmark.test/api/openapi";
    private static final String TEXT = "Officials said 12 sites were hit overnight. The ministry denied it.";

    @LocalServerPort
    int port;
    JsonNode document;
    SchemaRegistry schemas;
    /** "GET /api/claims/{id}" for every operation that has answered with success. */
    final Set<String> succeeded = new TreeSet<>();

    @BeforeEach
    void readTheServedDocument() {
        var served = exchange("GET", "/api/openapi", null, "application/json", "alice");
        assertThat(served.statusCode()).isEqualTo(200);
        document = JSON.readTree(served.body());
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                registry -> registry.schemas(Map.of(DOCUMENT_IRI, served.body())));
    }

    @Test
    void every_operation_answers_as_the_document_says() {
        // Documents
        long documentId = id(call("POST", "/api/documents", "{\"title\":\"Contract\",\"text\":\"" + TEXT + "\"}",
                "alice", 201));
        call("POST", "/api/documents", "{\"text\":\"no title\"}", "alice", 400);
        String key = UUID.randomUUID().toString();
        String keyed = "{\"title\":\"Keyed\",\"text\":\"" + TEXT + "\"}";
        call("POST", "/api/documents", keyed, "alice", 201, "Idempotency-Key", key);
        call("POST", "/api/documents", keyed, "alice", 201, "Idempotency-Key", key);
        call("POST", "/api/documents", keyed.replace("Keyed", "Other"), "alice", 422, "Idempotency-Key", key);
        call("POST", "/api/documents", "{\"title\":\"Contract\",\"text\":\"" + TEXT + "\"}", null, 401);
        check("POST", "/api/documents", exchange("POST", "/api/documents", "title=x", "text/plain", "alice"), 415);
        check("POST", "/api/documents", exchange("POST", "/api/documents",
                "{\"title\":\"" + "x".repeat((int) RequestSizeLimit.MAX_BODY_BYTES) + "\"}", "application/json", "alice"), 413);
        call("GET", "/api/documents?q=officials", "alice", 200);
        call("GET", "/api/documents?page=first", "alice", 400);
        call("GET", "/api/documents/" + documentId, "alice", 200);
        call("GET", "/api/documents/999999999", "alice", 404);
        call("GET", "/api/documents/" + documentId + "/annotations", "alice", 200);

        // Claims
        String claimBody = "{\"start\":0,\"end\":43,\"type\":\"statistic\",\"confidence\":\"HIGH\"}";
        var created = call("POST", "/api/documents/" + documentId + "/claims", claimBody, "alice", 201);
        long claimId = id(created);
        call("POST", "/api/documents/" + documentId + "/claims", "{\"type\":\"statistic\"}", "alice", 400);
        call("POST", "/api/documents/999999999/claims", claimBody, "alice", 404);
        call("GET", "/api/documents/" + documentId + "/claims", "alice", 200);
        call("GET", "/api/claims/" + claimId, "alice", 200);
        call("GET", "/api/claims/999999999", "alice", 404);
        call("GET", "/api/claims?status=IN_REVIEW&size=5", "alice", 200);
        call("GET", "/api/claims?status=PENDING", "alice", 400);
        call("GET", "/api/claim-types", "alice", 200);
        call("PATCH", "/api/claims/" + claimId, "{\"note\":\"checked\"}", "alice", 428);
        call("PATCH", "/api/claims/" + claimId, "{\"note\":\"checked\"}", "alice", 412, "If-Match", "\"7\"");
        call("PATCH", "/api/claims/" + claimId, "{\"note\":\"checked\"}", "alice", 200, "If-Match", "\"1\"");

        // Sources
        String source = "{\"url\":\"https://ministry.example/contract-" + claimId + "\",\"title\":\"Statement\"}";
        long sourceId = id(call("POST", "/api/sources", source, "alice", 201));
        call("POST", "/api/sources", source, "bob", 200);
        call("POST", "/api/sources", "{\"documentId\":999999999}", "alice", 404);
        call("POST", "/api/sources", "{\"title\":\"Nowhere\"}", "alice", 400);
        call("GET", "/api/sources?q=statement", "alice", 200);
        call("GET", "/api/sources/" + sourceId, "alice", 200);
        call("GET", "/api/sources/999999999", "alice", 404);
        String link = "{\"sourceId\":" + sourceId + ",\"stance\":\"SUPPORTS\",\"excerpt\":\"12 sites\"}";
        call("POST", "/api/claims/" + claimId + "/sources", link, "alice", 201);
        call("POST", "/api/claims/" + claimId + "/sources", link, "alice", 409);
        call("POST", "/api/claims/" + claimId + "/sources", "{\"sourceId\":" + sourceId + "}", "alice", 400);
        call("GET", "/api/claims/" + claimId + "/sources/" + sourceId, "alice", 200);
        call("GET", "/api/claims/" + claimId + "/sources/999999999", "alice", 404);

        // Review: to review, a refused and an incomplete verdict, the verdict, then read-only
        int version = version(call("GET", "/api/claims/" + claimId, "alice", 200));
        version = version(call("PATCH", "/api/claims/" + claimId, "{\"status\":\"IN_REVIEW\"}", "alice", 200,
                "If-Match", "\"" + version + "\""));
        call("PATCH", "/api/claims/" + claimId, "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"ok\"}",
                "alice", 403, "If-Match", "\"" + version + "\"");
        call("PATCH", "/api/claims/" + claimId, "{\"status\":\"VERIFIED\"}", "editor", 422,
                "If-Match", "\"" + version + "\"");
        version = version(call("PATCH", "/api/claims/" + claimId,
                "{\"status\":\"VERIFIED\",\"rating\":\"TRUE\",\"rationale\":\"The ministry's own count.\"}",
                "editor", 200, "If-Match", "\"" + version + "\""));
        call("PATCH", "/api/claims/" + claimId, "{\"note\":\"late\"}", "alice", 409, "If-Match", "\"" + version + "\"");
        call("DELETE", "/api/claims/" + claimId + "/sources/" + sourceId, "alice", 409);
        call("DELETE", "/api/claims/" + claimId, "alice", 409, "If-Match", "\"" + version + "\"");
        long commentId = id(call("POST", "/api/claims/" + claimId + "/comments", "{\"text\":\"Agreed.\"}", "bob", 201));
        call("POST", "/api/claims/" + claimId + "/comments", "{\"text\":\" \"}", "bob", 400);
        call("GET", "/api/claims/" + claimId + "/comments", "alice", 200);
        call("GET", "/api/claims/" + claimId + "/comments/" + commentId, "alice", 200);
        call("GET", "/api/claims/" + claimId + "/comments/999999999", "alice", 404);
        call("GET", "/api/claims/" + claimId + "/history", "alice", 200);

        // Unlinking and deleting an open claim
        var other = call("POST", "/api/documents/" + documentId + "/claims",
                "{\"start\":44,\"end\":67,\"type\":\"statistic\",\"confidence\":\"LOW\"}", "alice", 201);
        long otherId = id(other);
        call("POST", "/api/claims/" + otherId + "/sources", link, "alice", 201);
        call("DELETE", "/api/claims/" + otherId + "/sources/" + sourceId, "alice", 204);
        call("DELETE", "/api/claims/" + otherId + "/sources/" + sourceId, "alice", 404);
        call("DELETE", "/api/claims/" + otherId, "alice", 428);
        call("DELETE", "/api/claims/" + otherId, "alice", 412, "If-Match", "\"1\"");
        int otherVersion = version(call("GET", "/api/claims/" + otherId, "alice", 200));
        call("DELETE", "/api/claims/" + otherId, "alice", 204, "If-Match", "\"" + otherVersion + "\"");

        // Exports and figures
        call("GET", "/api/export/claims.csv?status=ALL&documentId=" + documentId + "&bom=true", "alice", 200);
        call("GET", "/api/export/claims.csv?rating=SORT_OF", "alice", 400);
        call("GET", "/api/export/claim-sources.csv?documentId=" + documentId, "alice", 200);
        call("GET", "/api/export/claimreview.json?documentId=" + documentId, "alice", 200);
        call("GET", "/api/stats/summary?from=2024-01-01", "editor", 200);
        call("GET", "/api/stats/summary", "alice", 403);
        call("GET", "/api/stats/summary?from=yesterday", "editor", 400);

        assertThat(succeeded).as("operations of the document that were called with success")
                .containsAll(operations());
    }

    @Test
    void every_operation_documents_the_answer_without_credentials() {
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            check(method, path, exchange(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                    "application/json", null), 401);
        }
    }

    @Test
    void every_path_the_document_lists_is_a_real_path() {
        assertThat(document.get("paths").propertyNames()).isNotEmpty()
                .allSatisfy(path -> assertThat(path).matches("/api(/[A-Za-z0-9._-]+|/\\{[A-Za-z]+})+"));
    }

    @Test
    void linking_a_source_answers_a_location_that_dereferences_and_the_claims_new_etag() {
        long claimId = claimInNewDocument("Link");

        var linked = call("POST", "/api/claims/" + claimId + "/sources", "{\"url\":\"https://ministry.example/link-"
                + claimId + "\",\"title\":\"Statement\",\"stance\":\"REFUTES\"}", "alice", 201);

        var claim = call("GET", "/api/claims/" + claimId, "alice", 200);
        assertThat(linked.headers().firstValue("ETag")).hasValue("\"2\"").isEqualTo(claim.headers().firstValue("ETag"));
        var followed = follow(linked, "alice");
        assertThat(JSON.readTree(followed.body())).isEqualTo(JSON.readTree(linked.body()));
        assertThat(JSON.readTree(followed.body()).get("stance").asString()).isEqualTo("REFUTES");
    }

    @Test
    void a_new_comments_location_is_the_comment() {
        long claimId = claimInNewDocument("Comment");

        var commented = call("POST", "/api/claims/" + claimId + "/comments", "{\"text\":\"Which sites?\"}", "bob", 201);

        var followed = follow(commented, "alice");
        assertThat(JSON.readTree(followed.body())).isEqualTo(JSON.readTree(commented.body()));
        assertThat(JSON.readTree(followed.body()).get("text").asString()).isEqualTo("Which sites?");
    }

    /** A claim of alice's on the first sentence of a new document. */
    private long claimInNewDocument(String title) {
        long documentId = id(call("POST", "/api/documents", "{\"title\":\"" + title + "\",\"text\":\"" + TEXT
                + "\"}", "alice", 201));
        return id(call("POST", "/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":43,\"type\":\"statistic\",\"confidence\":\"HIGH\"}", "alice", 201));
    }

    private HttpResponse<String> follow(HttpResponse<String> created, String user) {
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:" + port + "/api/");
        return call("GET", URI.create(location).getRawPath(), user, 200);
    }

    /** Every operation in the served document, as "METHOD /path/{template}". */
    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private HttpResponse<String> call(String method, String path, String user, int status, String... headers) {
        return call(method, path, null, user, status, headers);
    }

    private HttpResponse<String> call(String method, String path, String json, String user, int status,
            String... headers) {
        return check(method, path, exchange(method, path, json, "application/json", user, headers), status);
    }

    /** Asserts the expected status, then that the document lists this answer and the answer matches it. */
    private HttpResponse<String> check(String method, String path, HttpResponse<String> response, int status) {
        String template = template(path);
        String operation = method + " " + template;
        assertThat(response.statusCode()).as("%s answered %s", method + " " + path, response.body()).isEqualTo(status);
        JsonNode responses = document.at(pointer("paths", template, method.toLowerCase(Locale.ROOT), "responses"));
        assertThat(responses.has(String.valueOf(status)))
                .as("%s answered %d; the document lists only %s", operation, status, responses.propertyNames())
                .isTrue();
        JsonNode answer = responses.get(String.valueOf(status));
        checkHeaders(operation, answer, response);
        checkBody(operation, pointer("paths", template, method.toLowerCase(Locale.ROOT), "responses",
                String.valueOf(status), "content"), answer, response);
        if (status < 300) {
            succeeded.add(operation);
        }
        return response;
    }

    private void checkHeaders(String operation, JsonNode answer, HttpResponse<String> response) {
        JsonNode documented = answer.path("headers");
        for (var header : documented.properties()) {
            JsonNode spec = header.getValue().has("$ref")
                    ? document.at(header.getValue().get("$ref").asString().substring(1)) : header.getValue();
            if (spec.path("required").asBoolean()) {
                assertThat(response.headers().firstValue(header.getKey()))
                        .as("%s: header %s the document promises", operation, header.getKey()).isPresent();
            }
        }
        for (String header : List.of("ETag", "Location", "Retry-After")) {
            if (response.headers().firstValue(header).isPresent()) {
                assertThat(documented.has(header)).as("%s sends %s, which the document does not mention", operation,
                        header).isTrue();
            }
        }
    }

    private void checkBody(String operation, String contentPointer, JsonNode answer, HttpResponse<String> response) {
        if (!answer.has("content")) {
            assertThat(response.body()).as("%s: the document says there is no body", operation).isEmpty();
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String mediaType = contentType.split(";")[0].strip();
        assertThat(answer.get("content").has(mediaType))
                .as("%s answered %s; the document lists %s", operation, contentType,
                        answer.get("content").propertyNames())
                .isTrue();
        var schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + contentPointer
                + pointer(mediaType, "schema")));
        JsonNode body = mediaType.endsWith("json") ? JSON.readTree(response.body())
                : JSON.getNodeFactory().stringNode(response.body());
        List<Error> errors = schema.validate(body);
        assertThat(errors).as("%s: the body %s does not match the document", operation, response.body()).isEmpty();
    }

    /** The document's path template that {@code path} is an instance of. */
    private String template(String path) {
        String bare = path.split("\\?")[0];
        return document.get("paths").propertyNames().stream()
                .filter(template -> bare.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(bare + " is not a path of the document"));
    }

    /** A JSON pointer (RFC 6901) to the given keys. */
    private static String pointer(String... keys) {
        StringBuilder pointer = new StringBuilder();
        for (String key : keys) {
            pointer.append('/').append(key.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static long id(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private static int version(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    /** One request over real HTTP, with any body and Content-Type (HttpApi always sends JSON). */
    private HttpResponse<String> exchange(String method, String path, String body, String contentType, String user,
            String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
