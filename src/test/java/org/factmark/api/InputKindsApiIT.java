package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Every kind of odd input the API may be sent, each answered with a problem detail, never a 500 or a silent change. */
@IntegrationTest
class InputKindsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
    private static final String TEXT = "Putin proposed a ceasefire. \u200B\u200B The family " + FAMILY
            + " fled. Cafe\u0301 owners agreed.";

    @LocalServerPort
    int port;
    HttpApi api;
    long documentId;

    @BeforeEach
    void addDocument() {
        api = new HttpApi(port);
        documentId = json(api.postJson("/api/documents", document("Input kinds", TEXT), "alice", "demo")).get("id")
                .asLong();
    }

    private static String document(String title, String text) {
        return JsonNodeFactory.instance.objectNode().put("title", title).put("text", text).toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String detail(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json(response).get("detail").asString();
    }

    /** A request of our own making, for what HttpApi does not send: a chunked body, an odd Content-Type. */
    private HttpRequest.Builder asAlice(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> createClaim(int start, int end) {
        return api.send("POST", "/api/documents/" + documentId + "/claims",
                "{\"start\":" + start + ",\"end\":" + end + ",\"type\":\"event\",\"confidence\":\"LOW\"}", "alice",
                "demo");
    }

    private long ceasefireClaim() {
        return json(createClaim(6, 26)).get("id").asLong();
    }

    private int claimsOfDocument() {
        return json(api.get("/api/documents/" + documentId + "/claims", "alice", "demo")).size();
    }

    @Nested
    class Spans {

        @Test
        void a_span_of_only_zero_width_spaces_answers_400_and_stores_nothing() {
            int start = TEXT.indexOf('\u200B');

            var response = createClaim(start, start + 2);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("nothing visible");
            assertThat(claimsOfDocument()).isZero();
        }

        @Test
        void a_span_over_the_first_person_of_a_family_emoji_answers_400_naming_the_whole_emoji() {
            int start = TEXT.indexOf(FAMILY);

            var response = createClaim(start, start + 2);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("in half")
                    .contains("[" + start + ", " + (start + FAMILY.length()) + "), \"" + FAMILY + "\"");
            assertThat(claimsOfDocument()).isZero();
        }

        @Test
        void a_span_ending_between_an_e_and_its_combining_accent_answers_400() {
            int start = TEXT.indexOf("Cafe");

            var response = createClaim(start, start + 4);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("in half").contains("Cafe\u0301");
        }

        @Test
        void a_span_with_leading_whitespace_answers_400_naming_the_span_without_it_and_stores_nothing() {
            var response = createClaim(5, 26);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("whitespace").contains("[6, 26), \"proposed a ceasefire\"");
            assertThat(claimsOfDocument()).isZero();
        }

        @Test
        void moving_a_span_onto_trailing_whitespace_answers_400_and_keeps_the_span() {
            long id = ceasefireClaim();

            var response = api.send("PATCH", "/api/claims/" + id, "{\"end\":28}", "alice", "demo", "If-Match",
                    "\"1\"");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(api.get("/api/claims/" + id, "alice", "demo")).get("end").asInt()).isEqualTo(26);
        }
    }

    @Nested
    class BlankText {

        @Test
        void a_comment_of_only_zero_width_and_bidi_characters_answers_400() {
            long id = ceasefireClaim();

            var response = api.send("POST", "/api/claims/" + id + "/comments",
                    "{\"text\":\"\\u200B\\u200D\\u2066\\u2069\\u00AD\"}", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("needs some text");
        }

        @Test
        void a_document_whose_title_or_text_is_only_a_byte_order_mark_and_soft_hyphens_answers_400() {
            var noTitle = api.postJson("/api/documents", document("\uFEFF\u00AD", "Some text."), "alice", "demo");
            var noText = api.postJson("/api/documents", document("A title", "\uFEFF\u00AD\u200B"), "alice", "demo");

            assertThat(noTitle.statusCode()).isEqualTo(400);
            assertThat(detail(noTitle)).contains("needs a title");
            assertThat(noText.statusCode()).isEqualTo(400);
            assertThat(detail(noText)).contains("empty");
        }

        @Test
        void an_invisible_restatement_counts_as_none_and_the_quote_stands_in() {
            var response = api.send("POST", "/api/documents/" + documentId + "/claims",
                    "{\"start\":6,\"end\":26,\"type\":\"event\",\"confidence\":\"LOW\",\"restatement\":\"\\u200B\"}",
                    "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).get("restatement").asString()).isEqualTo("proposed a ceasefire");
        }
    }

    @Nested
    class Sizes {

        /** The text as many JSON libraries write it by default: every character as a \\u escape. */
        private static String escapedDocument(int characters) {
            var body = new StringBuilder(characters * 6 + 40).append("{\"title\":\"Escaped\",\"text\":\"");
            for (int i = 0; i < characters; i++) {
                body.append(i % 80 == 79 ? "\\u000a" : "\\u0061");
            }
            return body.append("\"}").toString();
        }

        @Test
        void a_one_and_a_half_mib_text_sent_with_unicode_escapes_is_accepted() {
            var response = api.postJson("/api/documents", escapedDocument(1536 * 1024), "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(201);
        }

        @Test
        void an_escaped_text_over_two_mib_is_refused_for_its_decoded_size() {
            var response = api.postJson("/api/documents", escapedDocument(2 * 1024 * 1024 + 100), "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(detail(response)).contains("2 MiB");
        }

        private static final byte[] HEAD = "{\"title\":\"Chunked\",\"text\":\"".getBytes(StandardCharsets.UTF_8);

        @Test
        void a_chunked_body_over_the_limit_is_refused_before_the_client_has_sent_it_all() throws Exception {
            long total = 50L * 1024 * 1024;
            var sent = new AtomicLong();
            InputStream body = new InputStream() {
                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0];
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    long left = total - sent.get();
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(length, left);
                    for (int i = 0; i < n; i++) {
                        long position = sent.get() + i;
                        buffer[offset + i] = position < HEAD.length ? HEAD[(int) position] : (byte) 'a';
                    }
                    sent.addAndGet(n);
                    return n;
                }
            };
            var request = asAlice("/api/documents")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();

            Integer status = null;
            try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException e) {
                // The server answered and closed the connection while the client was still writing.
            }

            if (status != null) {
                assertThat(status).isEqualTo(413);
            }
            assertThat(sent.get()).as("bytes the client got to send").isLessThan(total / 2);
        }
    }

    @Nested
    class StrictJson {

        private HttpResponse<String> createWith(String startValue) {
            return api.send("POST", "/api/documents/" + documentId + "/claims",
                    "{\"start\":" + startValue + ",\"end\":26,\"type\":\"event\",\"confidence\":\"LOW\"}", "alice",
                    "demo");
        }

        @ParameterizedTest
        @ValueSource(strings = {"6.5", "6.0", "\"6\"", "\"\"", "true"})
        void an_offset_that_is_not_a_json_integer_answers_400_naming_the_field(String startValue) {
            var response = createWith(startValue);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("\"start\"").contains("whole number");
            assertThat(claimsOfDocument()).isZero();
        }

        @Test
        void a_number_where_text_belongs_answers_400_naming_the_field() {
            var response = api.send("POST", "/api/documents/" + documentId + "/claims",
                    "{\"start\":6,\"end\":26,\"type\":\"event\",\"confidence\":\"LOW\",\"claimant\":42}", "alice",
                    "demo");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("\"claimant\"").contains("string");
        }
    }

    @Nested
    class QueryParameters {

        /** Every GET endpoint with each of its query parameters. */
        static Stream<Arguments> parameters() {
            var csv = List.of("status", "documentId", "type", "rating", "verifiedFrom", "verifiedTo", "outlet", "bom");
            var endpoints = new ArrayList<Arguments>();
            for (String p : List.of("q", "page", "size")) {
                endpoints.add(Arguments.of("/api/documents", p));
            }
            for (String p : List.of("status", "type", "documentId", "author", "outlet", "waitingDays", "page",
                    "size")) {
                endpoints.add(Arguments.of("/api/claims", p));
            }
            endpoints.add(Arguments.of("/api/sources", "q"));
            for (String p : csv) {
                endpoints.add(Arguments.of("/api/export/claims.csv", p));
                endpoints.add(Arguments.of("/api/export/claim-sources.csv", p));
            }
            endpoints.add(Arguments.of("/api/export/claimreview.json", "documentId"));
            for (String p : List.of("from", "to", "outlet", "type", "reviewer")) {
                endpoints.add(Arguments.of("/api/stats/summary", p));
            }
            endpoints.add(Arguments.of("/api/claim-types", "unknown"));
            return endpoints.stream();
        }

        static Stream<Arguments> parametersWithNulOrInvalidUtf8() {
            return parameters().flatMap(arguments -> Stream.of("a%00b", "%FF%FE")
                    .map(value -> Arguments.of(arguments.get()[0], arguments.get()[1], value)));
        }

        @ParameterizedTest(name = "{0}?{1}={2}")
        @MethodSource("parametersWithNulOrInvalidUtf8")
        void a_nul_or_invalid_utf8_in_any_query_parameter_answers_400_naming_it(String path, String parameter,
                String value) {
            var response = api.get(path + "?" + parameter + "=" + value, "editor", "demo");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("\"" + parameter + "\"");
        }
    }

    @Nested
    class ContentTypes {

        static Stream<Arguments> bodies() {
            var endpoints = List.of(
                    List.of("POST", "/api/documents"),
                    List.of("POST", "/api/documents/{document}/claims"),
                    List.of("PATCH", "/api/claims/{claim}"),
                    List.of("POST", "/api/sources"),
                    List.of("POST", "/api/claims/{claim}/sources"),
                    List.of("POST", "/api/claims/{claim}/comments"));
            return endpoints.stream().flatMap(endpoint -> Stream.of("", "garbage", "application/", ";;", "text/plain")
                    .map(type -> Arguments.of(endpoint.get(0), endpoint.get(1), type)));
        }

        @ParameterizedTest(name = "{0} {1} with Content-Type \"{2}\"")
        @MethodSource("bodies")
        void an_empty_garbage_or_wrong_content_type_answers_415(String method, String path, String contentType) {
            long claim = ceasefireClaim();
            var request = asAlice(path.replace("{document}", String.valueOf(documentId))
                            .replace("{claim}", String.valueOf(claim)))
                    .header("If-Match", "\"1\"")
                    .header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                    .build();

            HttpResponse<String> response;
            try (var client = HttpClient.newHttpClient()) {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(detail(response)).contains("application/json");
        }
    }

    @Nested
    class ConditionalRequests {

        private HttpResponse<String> patchNote(long id, String ifMatch) {
            return api.send("PATCH", "/api/claims/" + id, "{\"note\":\"checked\"}", "alice", "demo", "If-Match",
                    ifMatch);
        }

        @Test
        void a_weak_validator_never_matches() {
            long id = ceasefireClaim();

            var weak = patchNote(id, "W/\"1\"");
            assertThat(weak.statusCode()).isEqualTo(412);
            // Not "someone changed it": nobody did, the tag was weak.
            assertThat(json(weak).get("detail").asString()).contains("weak").contains("\"1\"");
            assertThat(api.send("DELETE", "/api/claims/" + id, null, "alice", "demo", "If-Match", "W/\"1\"")
                    .statusCode()).isEqualTo(412);
            assertThat(json(api.get("/api/claims/" + id, "alice", "demo")).get("version").asInt()).isEqualTo(1);
        }

        @Test
        void a_star_matches_the_existing_claim() {
            long id = ceasefireClaim();

            var response = patchNote(id, "*");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
        }

        @Test
        void a_list_matches_when_any_of_its_tags_does() {
            long id = ceasefireClaim();

            assertThat(patchNote(id, "\"7\", W/\"1\"").statusCode()).isEqualTo(412);
            assertThat(patchNote(id, "\"7\", \"1\"").statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"1", "1\"", "1", "\"1\" \"2\"", "W/1", "\"1\"x", ","})
        void a_malformed_if_match_answers_400(String ifMatch) {
            long id = ceasefireClaim();

            var response = patchNote(id, ifMatch);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(detail(response)).contains("If-Match");
        }

        @Test
        void a_status_change_with_a_stale_if_match_answers_412_like_every_other_change() {
            long id = ceasefireClaim();
            var sent = api.send("PATCH", "/api/claims/" + id, "{\"status\":\"IN_REVIEW\"}", "alice", "demo",
                    "If-Match", "\"1\"");
            assertThat(sent.statusCode()).isEqualTo(200);

            var again = api.send("PATCH", "/api/claims/" + id, "{\"status\":\"IN_REVIEW\"}", "bob", "demo",
                    "If-Match", "\"1\"");

            assertThat(again.statusCode()).isEqualTo(412);
            assertThat(detail(again)).contains("changed this claim meanwhile");
        }
    }
}
