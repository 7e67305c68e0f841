package org.factmark.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.api.HttpApi;
import org.factmark.browser.Browser;
import org.factmark.browser.Workspace;
import org.factmark.common.db.EmbeddedPostgresCluster;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.packaging.PackagedFactmark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.ObjectMapper;

/**
 * Two Factmark instances on one database, as behind a load balancer with sticky sessions: this
 * test's application is instance A, and the packaged jar, started on the same PostgreSQL, is
 * instance B. They share nothing but the database, so what A does reaches B through LISTEN/NOTIFY.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Prices rose 9 percent in May, the statistics office said.";

    @Autowired
    EmbeddedPostgresCluster database;
    @Autowired
    PresenceService presenceOnA;
    @Autowired
    DocumentService documentsOnA;
    @Autowired
    UserDetailsService userDetails;
    @LocalServerPort
    int portOfA;

    PackagedFactmark instanceB;
    WebDriver browserOnB;
    Workspace workspaceOnB;
    long documentId;

    @BeforeAll
    void startInstanceB(@TempDir Path workDir) throws Exception {
        instanceB = PackagedFactmark.start(workDir, Map.of(
                "SPRING_DATASOURCE_URL", database.jdbcUrl("postgres"),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "FACTMARK_DEMO", "true"));
    }

    @AfterAll
    void stopInstanceB() throws InterruptedException {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void openTheDocumentOnB() {
        new SignedIn(userDetails).as("bob");
        documentId = documentsOnA.add(new NewDocument("Two instances", TEXT, null, null, null)).id();
        browserOnB = Browser.start();
        workspaceOnB = new Workspace(browserOnB, instanceB.port());
        workspaceOnB.signIn("alice");
        workspaceOnB.open(documentId);
    }

    @AfterEach
    void closeBrowser() {
        SecurityContextHolder.clearContext();
        if (browserOnB != null) {
            browserOnB.quit();
        }
    }

    private long createThroughA(int start, int end) {
        var created = new HttpApi(portOfA).postJson("/api/documents/" + documentId + "/claims",
                "{\"start\": " + start + ", \"end\": " + end + ", \"type\": \"statistic\", \"confidence\": \"HIGH\"}",
                "bob", "demo");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void a_claim_created_through_instance_a_appears_within_two_seconds_in_a_workspace_on_instance_b() {
        // B's first update also loads and compiles its code paths: wait for that one generously.
        long warmUp = createThroughA(0, 6);
        new WebDriverWait(browserOnB, Duration.ofSeconds(30)).until(driver -> workspaceOnB.highlightIds().contains(warmUp));

        long claimId = createThroughA(12, 21);

        new WebDriverWait(browserOnB, Duration.ofSeconds(2))
                .until(driver -> workspaceOnB.highlightIds().contains(claimId));
        assertThat(workspaceOnB.highlightedText(claimId)).isEqualTo("9 percent");
    }

    @Test
    void a_reviewer_with_the_document_open_on_instance_b_is_present_on_instance_a_until_the_tab_closes()
            throws InterruptedException {
        assertThat(presenceOnA.inDocument(documentId)).extracting(Presence::username).containsExactly("alice");

        browserOnB.quit();
        browserOnB = null;

        long deadline = System.nanoTime()
                + Duration.ofSeconds(PresenceService.TIMEOUT_SECONDS + 2L * PresenceService.HEARTBEAT_SECONDS).toNanos();
        while (!presenceOnA.inDocument(documentId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(presenceOnA.inDocument(documentId)).isEmpty();
    }
}
