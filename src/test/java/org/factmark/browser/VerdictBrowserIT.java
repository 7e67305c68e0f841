package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.api.HttpApi;
import org.factmark.review.ReviewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.ObjectMapper;

/** What an editor sees before and while deciding on a claim, and what its author sees afterwards. */
@IntegrationTest
class VerdictBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "The ministry said 12 sites were hit overnight, more than in any week "
            + "since the spring, and that repairs to the power grid would take until the end of the year.";

    @LocalServerPort
    int port;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_reject_dialog_shows_the_claim_and_its_sources_and_needs_a_reason_which_the_author_then_reads() {
        // Bob's claim: opening an inbox reads it, and other tests count on alice's unread messages.
        long claimId = claimInReview("bob", "Verdict dialog " + System.nanoTime());
        var editor = editorAt1366();
        editor.visit("/documents/" + documentOf(claimId) + "?claim=" + claimId);
        editor.awaitEditorQuote(TEXT);

        editor.button("Reject…").click();
        WebElement rated = editor.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".verdict-claim")));
        assertThat(rated.getText()).contains(TEXT).contains("Statistic")
                .contains("restated: Twelve sites were hit overnight.")
                .contains("Supports: Ministry statement on overnight strikes")
                .doesNotContain("statistic ·").doesNotContain("SUPPORTS");
        ExportBrowserIT.screenshot(browser, "reject-dialog");

        editor.button("Reject").click();
        editor.awaitServerIdle();
        Map<?, ?> reason = field("Reason for rejecting");
        assertThat(reason.get("invalid")).as("the empty reason is marked at its field").isEqualTo(true);
        assertThat((String) reason.get("error")).contains("Say why");
        assertThat(status(claimId)).as("nothing was sent").isEqualTo("IN_REVIEW");

        editor.typeInto("Reason for rejecting", "Only an anonymous source; find the ministry's own statement.");
        editor.button("Reject").click();
        editor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "Rejected by Eddie Editor"));
        assertThat(status(claimId)).isEqualTo("REJECTED");
        browser.quit();

        browser = Browser.start();
        var bob = new Workspace(browser, port);
        bob.signIn("bob");
        bob.visit("/inbox");
        bob.waiting().until(driver -> pageText().contains(
                "Reason: Only an anonymous source; find the ministry's own statement."));
        assertThat(pageText()).contains("Eddie Editor rejected your claim");
        bob.visit("/documents/" + documentOf(claimId) + "?claim=" + claimId);
        bob.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".claim-verdict"),
                "Only an anonymous source; find the ministry's own statement."));
    }

    @Test
    void an_editor_sees_before_opening_a_dialog_that_the_four_eyes_rule_leaves_their_own_claim_to_another() {
        signedIn().as("admin");
        reviews.requireFourEyes(true);
        SecurityContextHolder.clearContext();
        long claimId = claimInReview("editor", "Own claim " + System.nanoTime());
        var editor = editorAt1366();
        editor.visit("/documents/" + documentOf(claimId) + "?claim=" + claimId);
        editor.awaitEditorQuote(TEXT);
        editor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-refusal"),
                "four-eyes rule"));
        ExportBrowserIT.screenshot(browser, "four-eyes");

        for (String decision : new String[] {"Verify…", "Reject…"}) {
            WebElement button = (WebElement) editor.js("""
                    return [...document.querySelectorAll('.review-section vaadin-button')]
                        .find(b => b.textContent.trim().startsWith(arguments[0]));""", decision);
            assertThat(button.getDomAttribute("disabled")).as(decision + " is disabled").isNotNull();
            // A click on the spot reaches nothing: a disabled button takes no pointer events.
            new Actions(browser).moveToElement(button).click().perform();
        }
        editor.awaitServerIdle();
        assertThat(browser.findElements(By.cssSelector(".verdict-claim"))).as("no dialog opened").isEmpty();
        assertThat(status(claimId)).isEqualTo("IN_REVIEW");
    }

    @Test
    void the_review_queue_gives_the_claim_text_the_room_and_names_type_and_author_in_words() {
        String title = "A long headline of an outlet's article about the overnight strikes on the power grid "
                + System.nanoTime();
        long claimId = claimInReview("alice", title);
        var editor = editorAt1366();
        editor.visit("/review");
        editor.waiting().until(driver -> cellWidth(TEXT) > 0 && cellWidth(title) > 0);
        ExportBrowserIT.screenshot(browser, "review-queue");

        double claim = cellWidth(TEXT);
        double document = cellWidth(title);
        assertThat(claim).as("the claim column is the widest by far").isGreaterThan(2 * document);
        assertThat((Boolean) editor.js("""
                const cell = [...document.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === arguments[0]);
                return cell.scrollWidth <= cell.clientWidth + 1 && cell.scrollHeight <= cell.clientHeight + 1;""",
                TEXT)).as("the whole claim is shown").isTrue();
        String row = (String) editor.js("""
                const cells = [...document.querySelectorAll('vaadin-grid-cell-content')];
                const index = cells.findIndex(c => c.textContent.trim() === arguments[0]);
                return cells.slice(index - 2, index + 3).map(c => c.textContent.trim()).join(' | ');""", TEXT);
        assertThat(row).as("claim " + claimId).contains("| Statistic |").contains("| Alice Reviewer");

        // On a phone the claim keeps the room: the columns that are only context step aside.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        editor.waiting().until(driver -> cellWidth(title) == 0 && (Boolean) editor.js("""
                const cell = [...document.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === arguments[0]);
                const box = cell.getBoundingClientRect();
                return box.right <= innerWidth && box.width > innerWidth / 2;""", TEXT));
        ExportBrowserIT.screenshot(browser, "review-queue-390");
    }

    private Workspace editorAt1366() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 768));
        var editor = new Workspace(browser, port);
        editor.signIn("editor");
        return editor;
    }

    /** A claim on TEXT with a cited source, sent to review by {@code author}, in a new document. */
    private long claimInReview(String author, String title) {
        var api = new HttpApi(port);
        long documentId = JSON.readTree(api.postJson("/api/documents", "{\"title\":\"" + title + "\",\"text\":\""
                + TEXT + "\"}", author, "demo").body()).get("id").asLong();
        long claimId = JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":" + TEXT.length() + ",\"type\":\"statistic\",\"confidence\":\"HIGH\","
                        + "\"restatement\":\"Twelve sites were hit overnight.\"}", author, "demo").body())
                .get("id").asLong();
        var linked = api.postJson("/api/claims/" + claimId + "/sources", "{\"url\":\"https://ministry.example/"
                + claimId + "\",\"title\":\"Ministry statement on overnight strikes\",\"kind\":\"OFFICIAL_STATEMENT\","
                + "\"stance\":\"SUPPORTS\"}", author, "demo");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        int version = JSON.readTree(api.get("/api/claims/" + claimId, author, "demo").body()).get("version").asInt();
        var sent = api.send("PATCH", "/api/claims/" + claimId, "{\"status\":\"IN_REVIEW\"}", author, "demo",
                "If-Match", "\"" + version + "\"");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return claimId;
    }

    private long documentOf(long claimId) {
        return claim(claimId).get("documentId").asLong();
    }

    private String status(long claimId) {
        return claim(claimId).get("status").asString();
    }

    private tools.jackson.databind.JsonNode claim(long claimId) {
        return JSON.readTree(new HttpApi(port).get("/api/claims/" + claimId, "editor", "demo").body());
    }

    private Map<?, ?> field(String label) {
        return (Map<?, ?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const field = [...document.querySelectorAll('vaadin-text-area, vaadin-text-field')]
                    .find(f => f.label === arguments[0]);
                return {invalid: field.invalid, error: field.querySelector('[slot=error-message]')?.textContent ?? ''};""",
                label);
    }

    private double cellWidth(String text) {
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const cell = [...document.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === arguments[0]);
                return cell ? cell.getBoundingClientRect().width : 0;""", text);
        return ((Number) width).doubleValue();
    }

    private String pageText() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.body.innerText;");
    }

    private SignedIn signedIn() {
        return new SignedIn(users);
    }
}
