package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Annotating in a real browser: what only a browser shows, selection and highlights. */
@IntegrationTest
class AnnotateBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = """
            WASHINGTON: The United States has rejected a proposal by Russian President Vladimir Putin.

            A US source dismissed any official contact and said Washington would not engage in those \
            discussions. Three Russian sources said 70,000 troops had been lost.
            """;

    @LocalServerPort
    int port;
    WebDriver browser;
    Workspace workspace;
    HttpApi api;

    @BeforeEach
    void start() {
        browser = Browser.start();
        workspace = new Workspace(browser, port);
        api = new HttpApi(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long addDocument(String title, String text) {
        var body = JsonNodeFactory.instance.objectNode().put("title", title).put("text", text);
        return JSON.readTree(api.postJson("/api/documents", body.toString(), "alice", "demo").body()).get("id").asLong();
    }

    private long addClaim(long documentId, int start, int end, String type) {
        var body = JsonNodeFactory.instance.objectNode().put("start", start).put("end", end).put("type", type)
                .put("confidence", "MEDIUM");
        return JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims", body.toString(), "bob", "demo")
                .body()).get("id").asLong();
    }

    private JsonNode claimsOf(long documentId) {
        return JSON.readTree(api.get("/api/documents/" + documentId + "/claims", "alice", "demo").body());
    }

    @Test
    void alice_marks_a_sentence_with_the_mouse_as_an_attribution_and_finds_it_after_a_reload() {
        long documentId = addDocument("Mouse selection", STORY);
        String sentence = "A US source dismissed any official contact and said Washington would not engage in those "
                + "discussions.";
        int start = STORY.indexOf(sentence);
        workspace.signIn("alice");
        workspace.open(documentId);

        workspace.dragOver(start, start + sentence.length());
        workspace.awaitNewClaimForm();
        workspace.press("4");
        workspace.press(Keys.ENTER);

        workspace.waiting().until(driver -> workspace.highlightIds().size() == 1);
        JsonNode stored = claimsOf(documentId).get(0);
        assertThat(stored.get("type").asString()).isEqualTo("attribution");
        assertThat(stored.get("quote").asString()).isEqualTo(sentence);
        assertThat(stored.get("start").asInt()).isEqualTo(start);
        long claimId = stored.get("id").asLong();
        assertThat(workspace.highlightedText(claimId)).isEqualTo(sentence);

        workspace.reload();

        assertThat(workspace.highlightIds()).containsExactly(claimId);
        assertThat(workspace.highlightedText(claimId)).isEqualTo(sentence);
    }

    @Test
    void two_overlapping_claims_both_stay_visible_and_clickable() {
        long documentId = addDocument("Nested claims", STORY);
        String sentence = "Three Russian sources said 70,000 troops had been lost.";
        String figure = "70,000 troops";
        int outerStart = STORY.indexOf(sentence);
        int innerStart = STORY.indexOf(figure);
        long outer = addClaim(documentId, outerStart, outerStart + sentence.length(), "attribution");
        long inner = addClaim(documentId, innerStart, innerStart + figure.length(), "statistic");
        workspace.signIn("alice");
        workspace.open(documentId);

        assertThat(workspace.highlightIds()).containsExactlyInAnyOrder(outer, inner);
        assertThat(workspace.highlightedText(outer)).isEqualTo(sentence);
        assertThat(workspace.highlightedText(inner)).isEqualTo(figure);

        workspace.clickAt(innerStart + 2);
        assertThat(workspace.awaitEditorQuote(figure)).isEqualTo(figure);
        workspace.clickAt(innerStart + 2);
        assertThat(workspace.awaitEditorQuote(sentence)).as("a second click reaches the outer claim").isEqualTo(sentence);
        workspace.clickAt(innerStart + 2);
        assertThat(workspace.awaitEditorQuote(figure)).isEqualTo(figure);
        workspace.clickAt(outerStart + 2);
        assertThat(workspace.awaitEditorQuote(sentence)).isEqualTo(sentence);
    }

    @Test
    void claims_on_emoji_and_other_unicode_highlight_exactly_their_quotes() throws IOException {
        String corpus = new ClassPathResource("unicode-corpus.txt").getContentAsString(StandardCharsets.UTF_8);
        long documentId = addDocument("Unicode in the browser", corpus);
        String text = JSON.readTree(api.get("/api/documents/" + documentId, "alice", "demo").body()).get("text")
                .asString();
        for (String quote : List.of("🇺🇦", "cafe\u0301", "東京で停戦", "הם אמרו שלום", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢")) {
            int start = text.indexOf(quote);
            addClaim(documentId, start, start + quote.length(), "quote");
        }
        String family = "the family 👩‍👩‍👧 arrived";
        int familyStart = text.indexOf(family);
        workspace.signIn("alice");
        workspace.open(documentId);

        workspace.selectByScript(familyStart, familyStart + family.length());
        workspace.awaitNewClaimForm();
        workspace.press("3");
        workspace.press(Keys.ENTER);
        workspace.waiting().until(driver -> claimsOf(documentId).size() == 6);

        for (JsonNode claim : claimsOf(documentId)) {
            String quote = claim.get("quote").asString();
            assertThat(text.substring(claim.get("start").asInt(), claim.get("end").asInt())).isEqualTo(quote);
            workspace.waiting().until(driver -> workspace.highlightedText(claim.get("id").asLong()).equals(quote));
        }
        assertThat(browser.findElements(By.cssSelector("fm-annotator img, fm-annotator script"))).isEmpty();
    }

    @Test
    void a_selection_of_the_first_person_of_a_family_emoji_and_a_space_snaps_to_the_whole_emoji_before_saving() {
        String family = "👩‍👩‍👧";
        String text = "Then the family " + family + " arrived.";
        long documentId = addDocument("Grapheme snapping", text);
        int emoji = text.indexOf(family);
        workspace.signIn("alice");
        workspace.open(documentId);

        workspace.selectByScript(emoji - 1, emoji + 2);
        workspace.awaitNewClaimForm();

        assertThat(workspace.js("return getSelection().toString();")).as("the selection shown").isEqualTo(family);
        workspace.press("3");
        workspace.press(Keys.ENTER);
        workspace.waiting().until(driver -> claimsOf(documentId).size() == 1);
        assertThat(claimsOf(documentId).get(0).get("quote").asString()).isEqualTo(family);
        assertThat(claimsOf(documentId).get(0).get("start").asInt()).isEqualTo(emoji);
    }
}
