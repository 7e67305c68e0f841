package org.factmark.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.factmark.common.db.EmbeddedPostgresCluster;
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

    @Autowired
    EmbeddedPostgresCluster server;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path workDir;

    private PackagedFactmark factmark;

    @AfterEach
    void stop() throws InterruptedException {
        if (factmark != null) {
            factmark.close();
        }
    }

    /** A fresh, empty database on the test run's PostgreSQL server. */
    private String newDatabaseUrl() {
        String name = "external_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        jdbc.sql("create database " + name).update();
        return server.jdbcUrl(name);
    }

    private HttpApi start(Map<String, String> environment) throws IOException, InterruptedException {
        factmark = PackagedFactmark.start(workDir, environment);
        return factmark.api();
    }

    @Test
    void with_an_external_database_the_first_admin_gets_the_configured_password_and_nothing_demo_exists()
            throws Exception {
        var api = start(Map.of("SPRING_DATASOURCE_URL", newDatabaseUrl(),
                "SPRING_DATASOURCE_PASSWORD", server.password(), "FACTMARK_ADMIN_PASSWORD", "first admin secret"));

        var documents = api.get("/api/documents", "admin", "first admin secret");
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains("\"totalElements\":0");
        assertThat(api.get("/api/documents", "admin", "demo").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/documents", "alice", "demo").statusCode()).isEqualTo(401);
        assertThat(factmark.log()).doesNotContain("Starting embedded PostgreSQL");
    }

    @Test
    void without_a_configured_password_a_generated_one_is_logged_once_and_works() throws Exception {
        var api = start(Map.of("SPRING_DATASOURCE_URL", newDatabaseUrl(),
                "SPRING_DATASOURCE_PASSWORD", server.password()));

        Matcher logged = Pattern.compile("one-time password: (\\S+)").matcher(factmark.log());
        assertThat(logged.find()).as("the generated password is in the log").isTrue();
        String password = logged.group(1);
        assertThat(logged.find()).as("and only once").isFalse();
        assertThat(api.get("/api/documents", "admin", password).statusCode()).isEqualTo(200);
    }
}
