package org.factmark.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the packaged jar ({@code java -jar target/factmark-*.jar}) as an operator would, configured
 * by environment variables, against an empty database standing in for an external PostgreSQL: nothing
 * embedded starts, demo mode is off, and there is no default password.
 */
@IntegrationTest
class PackagedJarIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    EmbeddedPostgres server;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path workDir;

    private Process factmark;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (factmark != null) {
            factmark.destroy();
            factmark.waitFor();
        }
    }

    /** A fresh, empty database on the test run's PostgreSQL server. */
    private String newDatabaseUrl() {
        String name = "external_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        jdbc.sql("create database " + name).update();
        return server.getJdbcUrl("postgres", name);
    }

    private HttpApi start(Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        Path jar = Path.of(System.getProperty("factmark.jar", "target/factmark.jar"));
        assertThat(jar).as("the packaged jar; run this test with ./mvnw verify").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        log = workDir.resolve("factmark.log");
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().remove("FACTMARK_ADMIN_PASSWORD");
        builder.environment().remove("FACTMARK_DEMO");
        builder.environment().putAll(environment);
        factmark = builder.start();

        var api = new HttpApi(port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(factmark.isAlive()).as("Factmark is running; its log:%n%s", Files.readString(log)).isTrue();
            if (api.isUp()) {
                return api;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Factmark did not answer /actuator/health within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void with_an_external_database_the_first_admin_gets_the_configured_password_and_nothing_demo_exists()
            throws Exception {
        var api = start(Map.of("SPRING_DATASOURCE_URL", newDatabaseUrl(),
                "FACTMARK_ADMIN_PASSWORD", "first admin secret"));

        var documents = api.get("/api/documents", "admin", "first admin secret");
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains("\"totalElements\":0");
        assertThat(api.get("/api/documents", "admin", "demo").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/documents", "alice", "demo").statusCode()).isEqualTo(401);
        assertThat(Files.readString(log)).doesNotContain("Starting embedded PostgreSQL");
    }

    @Test
    void without_a_configured_password_a_generated_one_is_logged_once_and_works() throws Exception {
        var api = start(Map.of("SPRING_DATASOURCE_URL", newDatabaseUrl()));

        Matcher logged = Pattern.compile("one-time password: (\\S+)").matcher(Files.readString(log));
        assertThat(logged.find()).as("the generated password is in the log").isTrue();
        String password = logged.group(1);
        assertThat(logged.find()).as("and only once").isFalse();
        assertThat(api.get("/api/documents", "admin", password).statusCode()).isEqualTo(200);
    }
}
