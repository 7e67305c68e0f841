package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A claim's way from a reviewer's source to an editor's verdict, in two real browsers. */
@IntegrationTest
class ReviewBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    WebDriver alicesBrowser;
    WebDriver editorsBrowser;

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[] {alicesBrowser, editorsBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void alice_cites_a_source_and_sends_a_claim_to_review_and_the_editor_verifies_it() {
        var api = new HttpApi(port);
        String text = "The ministry said 12 sites were hit overnight.";
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"Review in the browser\",\"text\":\"" + text + "\"}", "alice", "demo").body())
                .get("id").asLong();
        JsonNode claim = JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":46,\"type\":\"statistic\",\"confidence\":\"HIGH\"}", "alice", "demo").body());
        long claimId = claim.get("id").asLong();

        alicesBrowser = Browser.start();
        var alice = new Workspace(alicesBrowser, port);
        alice.signIn("alice");
        alice.open(documentId);
        alice.clickAt(3);
        alice.awaitEditorQuote(text);
        alice.typeInto("…or a new URL", "https://ministry.example/strikes-" + claimId);
        alice.typeInto("Title of the new source", "Ministry statement on overnight strikes");
        alice.clickButton("Cite");
        alice.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space(.)='Ministry statement on overnight strikes']")));
        alice.clickButton("Send to review");
        alice.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "In review"));

        editorsBrowser = Browser.start();
        var editor = new Workspace(editorsBrowser, port);
        editor.signIn("editor");
        editorsBrowser.get("http://localhost:" + port + "/review");
        WebElement queued = editor.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-grid-cell-content[normalize-space(.)='" + text + "']")));
        // The queue holds other tests' claims too, so this one may lie below the grid's fold.
        editor.js("arguments[0].scrollIntoView({block: 'center'});", queued);
        queued.click();
        editor.waiting().until(ExpectedConditions.urlContains("claim=" + claimId));
        editor.awaitEditorQuote(text);
        editor.clickButton("Verify…");
        editor.chooseInSelect("Rating", "Mostly true");
        editor.typeInto("Rationale", "The ministry's own statement gives twelve sites.");
        editor.clickButton("Verify");
        editor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "Verified by Eddie Editor"));

        alice.reload();
        alice.clickAt(3);
        alice.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "Verified by Eddie Editor"));
        assertThat(alicesBrowser.findElement(By.cssSelector(".review-section")).getText())
                .contains("Mostly true").contains("The ministry's own statement gives twelve sites.");
        JsonNode stored = JSON.readTree(api.get("/api/claims/" + claimId, "alice", "demo").body());
        assertThat(stored.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(stored.get("sources").get(0).get("stance").asString()).isEqualTo("SUPPORTS");
    }
}
