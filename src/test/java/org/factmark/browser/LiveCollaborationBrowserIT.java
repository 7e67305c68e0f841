package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Alice and Bob in two browsers on the same demo article, seeing each other's work as it happens. */
@IntegrationTest
class LiveCollaborationBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_TITLE = "U.S. rejects Putin’s suggestion of Ukraine ceasefire, sources say";
    private static final Duration LIVE = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    HttpApi api;
    WebDriver alicesBrowser;
    WebDriver bobsBrowser;
    Workspace alice;
    Workspace bob;
    long documentId;
    String text;

    @BeforeEach
    void bothOpenTheDemoArticle() {
        api = new HttpApi(port);
        JsonNode page = JSON.readTree(api.get("/api/documents?size=100", "alice", "demo").body());
        documentId = page.get("content").valueStream()
                .filter(document -> document.get("title").asString().equals(DEMO_TITLE))
                .findFirst().orElseThrow().get("id").asLong();
        text = JSON.readTree(api.get("/api/documents/" + documentId, "alice", "demo").body()).get("text").asString();

        alicesBrowser = Browser.start();
        alice = new Workspace(alicesBrowser, port);
        alice.signIn("alice");
        alice.open(documentId);
        bobsBrowser = Browser.start();
        bob = new Workspace(bobsBrowser, port);
        bob.signIn("bob");
        bob.open(documentId);
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[] {alicesBrowser, bobsBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private int offsetOf(String phrase) {
        int at = text.indexOf(phrase);
        assertThat(at).as("the demo article contains “%s”", phrase).isNotNegative();
        return at;
    }

    private long createAs(String user, String phrase) {
        int start = offsetOf(phrase);
        var created = api.postJson("/api/documents/" + documentId + "/claims", "{\"start\":" + start + ",\"end\":"
                + (start + phrase.length()) + ",\"type\":\"statistic\",\"confidence\":\"MEDIUM\"}", user, "demo");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @SuppressWarnings("unchecked")
    private static List<String> othersPresent(Workspace workspace) {
        return (List<String>) workspace.js("""
                const group = document.querySelector('.presence-bar vaadin-avatar-group');
                return group && group.items ? group.items.map(item => item.name) : [];""");
    }

    @Test
    void bob_sees_alices_new_claim_appear_while_his_half_filled_form_and_his_selection_stay() {
        bob.waiting().until(driver -> othersPresent(bob).contains("Alice Reviewer"));
        alice.waiting().until(driver -> othersPresent(alice).contains("Bob Reviewer"));

        // Bob starts a claim of his own and is halfway through its note.
        int bobsStart = offsetOf("three Russian sources");
        bob.selectByScript(bobsStart, bobsStart + "three Russian sources".length());
        bob.awaitNewClaimForm();
        bob.press("4");
        bob.typeInto("Note", "Who are the three sources?");

        // Alice marks a claim with the mouse and the keyboard.
        List<Long> before = alice.highlightIds();
        String phrase = "U.S. rejects Putin’s suggestion";
        int alicesStart = offsetOf(phrase);
        alice.dragOver(alicesStart, alicesStart + phrase.length());
        alice.awaitNewClaimForm();
        alice.press("1");
        alice.press(Keys.ENTER);
        alice.waiting().until(driver -> alice.highlightIds().size() > before.size());
        long alicesClaim = alice.highlightIds().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();

        new WebDriverWait(bobsBrowser, LIVE).until(driver -> bob.highlightIds().contains(alicesClaim));
        assertThat(bob.highlightedText(alicesClaim)).isEqualTo(phrase);
        assertThat(bobsBrowser.findElement(By.cssSelector(".claim-popup")).isDisplayed()).isTrue();
        assertThat(bob.js("""
                return [...document.querySelectorAll('vaadin-text-field')].find(f => f.label === 'Note').value;"""))
                .isEqualTo("Who are the three sources?");
        assertThat(bobsBrowser.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '" + phrase + "')]")))
                .as("the claims list follows").isNotEmpty();

        // Bob finishes his claim; it reaches Alice.
        bob.clickButton("Save claim");
        alice.waiting().until(driver -> alice.highlightIds().size() == before.size() + 2);
        // The save's answer, which closes the form and clears Bob's selection, may come after Alice sees it.
        bob.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim-popup")));

        // Bob selects some text; a claim saved meanwhile in the same paragraph leaves his selection alone.
        int selected = offsetOf("sources with knowledge");
        bob.js("""
                const el = document.querySelector('fm-annotator');
                getSelection().removeAllRanges();
                getSelection().addRange(el.rangeFor(arguments[0], arguments[1]));""", selected, selected + 22);
        long nearby = createAs("alice", "knowledge of the discussions");
        new WebDriverWait(bobsBrowser, LIVE).until(driver -> bob.highlightIds().contains(nearby));
        assertThat(bob.js("return JSON.stringify(document.querySelector('fm-annotator').selectedOffsets());"))
                .isEqualTo("{\"start\":" + selected + ",\"end\":" + (selected + 22) + "}");
    }

    @Test
    void a_conflicting_edit_shows_both_versions_and_bob_reapplies_his_change_without_losing_it() {
        long claimId = createAs("alice", "in February 2022");
        alice.waiting().until(driver -> alice.highlightIds().contains(claimId));
        bob.waiting().until(driver -> bob.highlightIds().contains(claimId));
        alice.clickAt(offsetOf("in February 2022") + 1);
        alice.awaitEditorQuote("in February 2022");
        bob.clickAt(offsetOf("in February 2022") + 1);
        bob.awaitEditorQuote("in February 2022");
        alice.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".presence-editing"),
                "Bob Reviewer is editing “in February 2022”"));

        alice.typeInto("Note", "Figure from the Russian side");
        alice.clickButton("Save changes");
        bob.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".claim-editor-notice"),
                "Alice Reviewer changed this claim meanwhile"));
        bob.typeInto("Restatement", "Russia invaded in February 2022");
        bob.clickButton("Save changes");

        bob.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-confirm-dialog"),
                "Russia invaded in February 2022"));
        assertThat(bobsBrowser.findElement(By.tagName("vaadin-confirm-dialog")).getText())
                .contains("Figure from the Russian side");
        bob.clickButton("Apply my changes to their version");

        bob.waiting().until(driver -> JSON.readTree(api.get("/api/claims/" + claimId, "bob", "demo").body())
                .get("version").asInt() == 3);
        JsonNode stored = JSON.readTree(api.get("/api/claims/" + claimId, "bob", "demo").body());
        assertThat(stored.get("note").asString()).isEqualTo("Figure from the Russian side");
        assertThat(stored.get("restatement").asString()).isEqualTo("Russia invaded in February 2022");
    }
}
