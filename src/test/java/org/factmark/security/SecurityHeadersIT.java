package org.factmark.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityHeadersIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void the_login_page_comes_with_a_content_security_policy_nosniff_a_referrer_policy_and_a_same_site_cookie()
            throws Exception {
        var page = send(request("/login"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void api_answers_forbid_loading_anything_and_sniffing() {
        var answer = new HttpApi(port).get("/api/documents", "alice", "demo");

        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    private HttpRequest.Builder signIn(String username, String password) {
        return request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password));
    }

    @Test
    void another_site_cannot_sign_a_visitor_in_through_the_login_form() throws Exception {
        var crossSite = send(signIn("alice", "demo").header("Origin", "https://attacker.example")
                .header("Sec-Fetch-Site", "cross-site"));
        var fromOldBrowser = send(signIn("alice", "demo").header("Origin", "https://attacker.example"));
        var sameOrigin = send(signIn("alice", "demo").header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin"));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(fromOldBrowser.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sameOrigin.headers().firstValue("Location").orElseThrow()).endsWith("/");
    }
}
