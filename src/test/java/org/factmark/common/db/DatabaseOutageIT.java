package org.factmark.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.factmark.api.HttpApi;
import org.factmark.browser.Browser;
import org.factmark.browser.Workspace;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on an external PostgreSQL that sits behind a {@link TcpProxy}, so that the test
 * can take the database away ({@code cut}) or freeze it ({@code stall}) and bring it back. Short
 * timeouts keep every test to seconds; the limits asserted are the (503 within 5 s, health
 * within 1 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "factmark.demo=true",
        "factmark.database.pool-wait=2s",
        "factmark.database.connect-timeout=1s",
        "factmark.database.socket-timeout=3s",
        "factmark.database.statement-timeout=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// A request that hangs as long as the outage lasts must fail the test, not hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatabaseOutageIT {

    private static final EmbeddedPostgres POSTGRES;
    private static final TcpProxy PROXY;
    /**
     * Vaadin makes each application context's security context holder the JVM's: the other test
     * context (IntegrationTest) must get its own back when this one closes.
     */
    private static final SecurityContextHolderStrategy OTHER_CONTEXTS_HOLDER = SecurityContextHolder.getContextHolderStrategy();

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
            PROXY = new TcpProxy(POSTGRES.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/postgres");
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
    }

    /** Stops the test's database when this context closes (after the class), not before. */
    @TestConfiguration
    static class Teardown {
        @Bean(destroyMethod = "close")
        AutoCloseable outageTestDatabase() {
            return () -> {
                SecurityContextHolder.setContextHolderStrategy(OTHER_CONTEXTS_HOLDER);
                PROXY.close();
                POSTGRES.close();
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnboundedMigrations unboundedMigrations;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @AfterEach
    void databaseBack() throws InterruptedException {
        PROXY.resume();
        awaitUp();
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!api.isUp()) {
            assertThat(System.nanoTime()).as("the application came back").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The answer and how long it took. */
    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static Timed timed(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        var response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void assertUnavailable(Timed answer) {
        assertThat(answer.response().statusCode()).as(answer.response().body()).isEqualTo(503);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.response().body()).contains("The database is not reachable right now");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(5));
    }

    private Timed createDocument() {
        return timed(() -> api.postJson("/api/documents", "{\"title\":\"Outage\",\"text\":\"Written in an outage.\"}",
                "alice", "demo"));
    }

    @Test
    void during_an_outage_the_api_answers_503_problem_details_within_5_seconds_never_401_or_500() {
        PROXY.cut();

        assertUnavailable(timed(() -> api.get("/api/documents", "alice", "demo")));
        assertUnavailable(createDocument());
        assertUnavailable(timed(() -> api.get("/api/claims?status=IN_REVIEW", "editor", "demo")));
    }

    @Test
    void during_an_outage_health_says_down_within_1_second() {
        PROXY.cut();

        var health = timed(() -> api.get("/actuator/health", null, null));

        assertThat(health.response().statusCode()).isEqualTo(503);
        assertThat(health.response().body()).contains("\"DOWN\"");
        assertThat(health.took()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void during_an_outage_the_instance_stays_live_so_a_load_balancer_keeps_sending_it_requests_it_answers_503() {
        PROXY.cut();

        var liveness = api.get("/actuator/health/liveness", null, null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
    }

    @Test
    void when_the_database_returns_everything_works_again_without_a_restart() throws InterruptedException {
        PROXY.cut();
        assertUnavailable(createDocument());

        PROXY.resume();
        awaitUp();

        assertThat(createDocument().response().statusCode()).isEqualTo(201);
        assertThat(api.get("/api/documents?q=outage", "alice", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void a_stalled_database_holds_a_new_request_no_longer_than_the_pools_wait() {
        PROXY.stall();

        assertUnavailable(timed(() -> api.get("/api/documents", "alice", "demo")));
        assertUnavailable(createDocument());
        var health = timed(() -> api.get("/actuator/health", null, null));
        assertThat(health.response().body()).contains("\"DOWN\"");
        assertThat(health.took()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_statement_waiting_on_a_stalled_database_fails_after_the_socket_timeout() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PROXY.stall();
            long start = System.nanoTime();

            assertThatThrownBy(() -> connection.createStatement().execute("select 1"))
                    .satisfies(e -> assertThat(DatabaseUnavailable.isCause(e)).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_statement_running_longer_than_the_statement_timeout_is_cancelled() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> jdbc.sql("select pg_sleep(10)").query().singleValue())
                .satisfies(e -> assertThat(DatabaseUnavailable.isCause(e)).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_migration_may_run_longer_than_the_statement_timeout() {
        var slow = Flyway.configure().dataSource(dataSource).locations("classpath:slow-migration")
                .table("slow_migration_history").baselineOnMigrate(true).baselineVersion("0")
                .callbacks(unboundedMigrations).load();

        assertThat(slow.migrate().migrationsExecuted).isEqualTo(1);
    }

    @Test
    void a_created_claim_is_answered_201_even_when_reading_its_sources_would_fail() throws Exception {
        var document = api.postJson("/api/documents", "{\"title\":\"Committed\",\"text\":\"Putin proposed a truce.\"}",
                "alice", "demo");
        String claims = document.headers().firstValue("Location").orElseThrow() + "/claims";
        String path = claims.substring(claims.indexOf("/api/"));
        HttpResponse<String> created;
        try (Connection blocker = dataSource.getConnection()) {
            // Nothing can read claim links now; creating a claim does not need to.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table claim_source in access exclusive mode");
            created = api.postJson(path, """
                    {"start":0,"end":5,"type":"event","confidence":"HIGH","quote":"Putin"}""", "alice", "demo");
            blocker.rollback();
        }

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"sources\":[]");
        assertThat(api.get(path, "alice", "demo").body()).contains("\"quote\":\"Putin\"");
    }

    @Test
    void in_an_outage_the_ui_says_so_keeps_what_the_reviewer_typed_and_saves_it_once_the_database_is_back()
            throws InterruptedException {
        ChromeDriver browser = Browser.start();
        try {
            var workspace = new Workspace(browser, port);
            workspace.signIn("alice");
            browser.get("http://localhost:" + port + "/documents/new");
            typeInto(workspace, "Title", "Typed in an outage");
            typeInto(workspace, "Text", "Every word of this must survive.");

            PROXY.cut();
            clickSave(workspace);

            workspace.waiting().until(driver -> notifications(workspace).contains("The database is not reachable right now"));
            assertThat(valueOf(workspace, "Title")).isEqualTo("Typed in an outage");
            assertThat(valueOf(workspace, "Text")).isEqualTo("Every word of this must survive.");

            PROXY.resume();
            awaitUp();
            clickSave(workspace);
            workspace.waiting().until(ExpectedConditions.urlMatches(".*/documents/\\d+$"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void in_an_outage_the_login_page_says_the_password_could_not_be_checked() {
        ChromeDriver browser = Browser.start();
        try {
            var workspace = new Workspace(browser, port);
            browser.get("http://localhost:" + port + "/login");
            workspace.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("alice");
            browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");

            PROXY.cut();
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

            workspace.waiting().until(driver -> "The database is not reachable right now".equals(workspace.js(
                    "const f = document.querySelector('vaadin-login-form'); return f && f.error ? f.i18n.errorMessage.title : null;")));
        } finally {
            browser.quit();
        }
    }

    private static void typeInto(Workspace workspace, String label, String text) {
        workspace.waiting().until(driver -> (Boolean) workspace.js("""
                const field = [...document.querySelectorAll('vaadin-text-field, vaadin-text-area')].find(f => f.label === arguments[0]);
                if (!field) return false;
                field.value = arguments[1];
                field.dispatchEvent(new CustomEvent('change', {bubbles: true}));
                return true;""", label, text));
    }

    private static String valueOf(Workspace workspace, String label) {
        return (String) workspace.js("""
                return [...document.querySelectorAll('vaadin-text-field, vaadin-text-area')].find(f => f.label === arguments[0]).value;""",
                label);
    }

    private static void clickSave(Workspace workspace) {
        workspace.js("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.trim() === 'Save document').click();");
    }

    private static String notifications(Workspace workspace) {
        return (String) workspace.js(
                "return [...document.querySelectorAll('vaadin-notification-card')].map(c => c.textContent).join(' ');");
    }
}
