package org.factmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DocumentApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String json) {
        return api.postJson("/api/documents", json, "alice", "demo");
    }

    @Nested
    class Creating {

        @Test
        void a_valid_document_answers_201_with_its_location_and_metadata_but_not_its_text() {
            var response = post("""
                    {"title":"Wire copy","text":"Line one\\r\\nLine two 😀","url":"https://example.org/story",
                     "outlet":"Example Wire","publishedAt":"2024-02-14"}""");

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(response.headers().firstValue("Location")).hasValue(
                    "http://localhost:" + port + "/api/documents/" + body.get("id").asLong());
            assertThat(body.has("text")).isFalse();
            assertThat(body.get("title").asString()).isEqualTo("Wire copy");
            assertThat(body.get("outlet").asString()).isEqualTo("Example Wire");
            assertThat(body.get("publishedAt").asString()).isEqualTo("2024-02-14");
            // "Line one\nLine two " is 18 code units, the emoji two more.
            assertThat(body.get("textLength").asInt()).isEqualTo(20);
            // sha256 of the UTF-8 bytes of the normalised text, computed with sha256sum.
            assertThat(body.get("sha256").asString())
                    .isEqualTo("f640d506919d1d36e37f81d0d0e4abb1b333eac2778345fa04815bd55d3f67c2");
            assertThat(body.get("createdBy").asString()).isEqualTo("alice");
            assertThat(body.get("createdAt").asString()).isNotBlank();
        }

        @Test
        void missing_title_answers_400_saying_so() {
            var response = post("""
                    {"text":"Some text"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("detail").asString()).contains("title");
        }

        @Test
        void a_javascript_url_answers_400() {
            var response = post("""
                    {"title":"T","text":"Some text","url":"javascript:alert(1)"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("http");
        }

        @Test
        void text_with_a_nul_character_answers_400() {
            var response = post("""
                    {"title":"T","text":"before\\u0000after"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("NUL");
        }

        @Test
        void text_over_two_mebibytes_answers_413() {
            String text = "x".repeat(2 * 1024 * 1024 + 1);
            var response = post("{\"title\":\"Huge\",\"text\":\"" + text + "\"}");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).get("detail").asString()).contains("at most");
        }

        @Test
        void malformed_json_answers_400_with_a_problem_detail() {
            var response = post("{\"title\": \"T\", \"text\": ");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("JSON");
        }

        @Test
        void an_unreadable_date_answers_400() {
            var response = post("""
                    {"title":"T","text":"Some text","publishedAt":"yesterday"}""");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("2024-02-14");
        }
    }

    @Nested
    class Reading {

        @Test
        void a_document_reads_back_with_its_exact_text() {
            long id = json(post("""
                    {"title":"Exact","text":"Ceasefire\\r\\n\\r\\n«Quoted» ש and 你好"}""")).get("id").asLong();

            var response = api.get("/api/documents/" + id, "bob", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("text").asString()).isEqualTo("Ceasefire\n\n«Quoted» ש and 你好");
            assertThat(json(response).get("title").asString()).isEqualTo("Exact");
        }

        @Test
        void an_unknown_id_answers_404() {
            var response = api.get("/api/documents/987654321", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("detail").asString()).contains("987654321");
        }

        @Test
        void the_list_is_a_page_of_documents_without_text_newest_first() {
            post("""
                    {"title":"Older","text":"first"}""");
            post("""
                    {"title":"Newer","text":"second"}""");

            var response = api.get("/api/documents?page=0&size=2", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(page.get("content")).hasSize(2);
            assertThat(page.get("content").get(0).get("title").asString()).isEqualTo("Newer");
            assertThat(page.get("content").get(1).get("title").asString()).isEqualTo("Older");
            assertThat(page.get("content").get(0).has("text")).isFalse();
        }

        @Test
        void the_list_searches_titles_and_text() {
            var response = api.get("/api/documents?q=intermediaries%20Kremlin", "alice", "demo");

            JsonNode page = json(response);
            assertThat(page.get("content")).isNotEmpty();
            page.get("content").forEach(document ->
                    assertThat(document.get("outlet").asString()).isIn("Long-form daily", "Tabloid"));
        }

        @Test
        void a_page_size_over_the_limit_answers_400() {
            var response = api.get("/api/documents?size=1000", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("100");
        }

        @Test
        void a_parameter_of_the_wrong_kind_is_named_with_what_it_takes() {
            var response = api.get("/api/documents?page=0&size=abc", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString())
                    .isEqualTo("The parameter 'size' takes a whole number; 'abc' is not one.");
        }
    }

    @Nested
    class Access {

        @Test
        void a_request_without_credentials_answers_401_and_reaches_no_data() {
            var response = api.get("/api/documents", null, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Ceasefire");
        }

        @Test
        void a_wrong_password_answers_401() {
            assertThat(api.get("/api/documents", "alice", "not-demo").statusCode()).isEqualTo(401);
        }

        @Test
        void health_answers_up_without_credentials() {
            var response = api.get("/actuator/health", null, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("status").asString()).isEqualTo("UP");
        }

        @Test
        void no_other_actuator_endpoint_is_public() {
            assertThat(api.get("/actuator/env", null, null).statusCode()).isEqualTo(401);
            assertThat(api.get("/actuator/env", "admin", "demo").statusCode()).isIn(403, 404);
            assertThat(api.get("/actuator", null, null).statusCode()).isEqualTo(401);
        }

        @Test
        void requests_no_endpoint_serves_get_problem_details_not_the_ui() {
            var unknown = api.get("/api/nope", "alice", "demo");
            var wrongMethod = api.send("PUT", "/api/documents/1", "{}", "alice", "demo");
            var wrongType = api.send("POST", "/api/documents", null, "alice", "demo", "Content-Type", "text/plain");
            var wrongAccept = api.send("GET", "/api/documents/1", null, "alice", "demo", "Accept", "application/xml");

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongType.statusCode()).isEqualTo(415);
            assertThat(wrongAccept.statusCode()).isEqualTo(406);
            for (var response : List.of(unknown, wrongMethod, wrongType)) {
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }

        @Test
        void the_openapi_description_is_published_to_signed_in_users() {
            var response = api.get("/api/openapi", "alice", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("paths").has("/api/documents/{id}")).isTrue();
        }
    }
}
