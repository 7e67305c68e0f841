package org.factmark.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Set;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.ObjectMapper;

/**
 * Guessing passwords: each test guesses its own account from its own loopback address, so no other
 * test's sign-in is held up (a success no longer clears a client's count of failures).
 */
@IntegrationTest
class LoginThrottlingIT {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @LocalServerPort
    int port;
    InetAddress client;
    HttpClient http;
    String username;

    @BeforeEach
    void createAccount() throws UnknownHostException {
        client = InetAddress.getByAddress(new byte[] {127, 0, (byte) (System.nanoTime() % 250), 2});
        http = HttpClient.newBuilder().localAddress(client).build();
        new SignedIn(userDetails).as("admin");
        username = "guessed-" + System.nanoTime() % 1_000_000;
        users.create(username, null, PASSWORD, Set.of(Role.REVIEWER));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> signIn(String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                    .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void after_six_wrong_passwords_http_basic_answers_429_with_retry_after_until_then_even_the_right_one()
            throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            assertThat(signIn("guess-" + i).statusCode()).isEqualTo(401);
        }

        var refused = signIn("guess-7");
        var rightButEarly = signIn(PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(new ObjectMapper().readTree(refused.body()).get("detail").asString())
                .contains("Try again in 1 second.");
        assertThat(rightButEarly.statusCode()).isEqualTo(429);
        Thread.sleep(1100);
        assertThat(signIn(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(signIn("guess-8").statusCode()).as("the success reset the count").isEqualTo(401);
    }

    @Test
    void the_login_form_refuses_the_right_password_too_after_six_wrong_ones() throws Exception {
        assertThat(new BrowserSession(port, client).signIn(username, PASSWORD)).isEqualTo("/");
        for (int i = 0; i < 6; i++) {
            assertThat(new BrowserSession(port, client).signIn(username, "guess-" + i)).isEqualTo("/login?error");
        }

        assertThat(new BrowserSession(port, client).signIn(username, PASSWORD)).isEqualTo("/login?error");
    }
}
