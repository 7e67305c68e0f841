package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** What a reviewer types is what is saved, and one action does one thing: real keys, real double clicks. */
    @Nested
    class TypedTextAndDoubleActions {

        private static final String SENTENCE = "Three Russian sources said 70,000 troops had been lost.";

        @Autowired
        JdbcClient jdbc;

        private void openFormOnTheSentence(long documentId) {
            workspace.signIn("alice");
            workspace.open(documentId);
            int start = STORY.indexOf(SENTENCE);
            workspace.dragOver(start, start + SENTENCE.length());
            workspace.awaitNewClaimForm();
            workspace.press("2");
        }

        /** The two cases: a restatement typed last became the quote, a note typed last was dropped. */
        @ParameterizedTest(name = "{0} typed last")
        @ValueSource(strings = {"Restatement", "Note"})
        void enter_in_the_new_claim_form_saves_everything_typed_also_in_the_field_still_in_focus(String typedLast) {
            long documentId = addDocument("Enter saves what was typed last: " + typedLast, STORY);
            openFormOnTheSentence(documentId);
            var typed = Map.of("Restatement", "Russia lost 70,000 troops", "Note", "Ask the ministry");

            String typedFirst = typedLast.equals("Note") ? "Restatement" : "Note";
            workspace.typeInto(typedFirst, typed.get(typedFirst));
            workspace.typeInto(typedLast, typed.get(typedLast));
            workspace.press(Keys.ENTER);

            workspace.waiting().until(driver -> workspace.highlightIds().size() == 1);
            JsonNode saved = claimsOf(documentId).get(0);
            assertThat(saved.get("quote").asString()).isEqualTo(SENTENCE);
            assertThat(saved.get("restatement").asString()).isEqualTo(typed.get("Restatement"));
            assertThat(saved.get("note").asString()).isEqualTo(typed.get("Note"));
        }

        @Test
        void a_double_click_on_save_claim_creates_one_claim() {
            long documentId = addDocument("Double click on save claim", STORY);
            openFormOnTheSentence(documentId);
            workspace.typeInto("Note", "Clicked twice");

            new Actions(browser).doubleClick(workspace.button("Save claim")).perform();

            workspace.waiting().until(driver -> !workspace.highlightIds().isEmpty());
            workspace.awaitServerIdle();
            assertThat(claimsOf(documentId).size()).isEqualTo(1);
            assertThat(workspace.highlightIds()).hasSize(1);
        }

        @Test
        void a_double_click_on_comment_posts_the_comment_once_and_shows_no_error() {
            long documentId = addDocument("Double click on comment", STORY);
            int start = STORY.indexOf(SENTENCE);
            long claimId = addClaim(documentId, start, start + SENTENCE.length(), "attribution");
            workspace.signIn("alice");
            workspace.open(documentId);
            workspace.clickAt(start + 2);
            workspace.awaitEditorQuote(SENTENCE);
            workspace.typeInto("Add to the discussion", "Which sources?");

            new Actions(browser).doubleClick(workspace.button("Comment")).perform();

            workspace.awaitServerIdle();
            JsonNode comments = JSON.readTree(api.get("/api/claims/" + claimId + "/comments", "alice", "demo")
                    .body());
            assertThat(comments).extracting(comment -> comment.get("text").asString())
                    .containsExactly("Which sources?");
            assertThat(browser.findElements(By.cssSelector("vaadin-notification-card[theme~='error']"))).isEmpty();
        }

        @Test
        void a_double_click_on_save_document_adds_one_document() {
            String title = "Double click on save document " + System.nanoTime();
            workspace.signIn("alice");
            workspace.visit("/documents/new");
            workspace.typeInto("Title", title);
            workspace.typeInto("Text", STORY);

            new Actions(browser).doubleClick(workspace.button("Save document")).perform();

            workspace.waiting().until(driver -> driver.getCurrentUrl().matches(".*/documents/\\d+$"));
            workspace.awaitServerIdle();
            assertThat(jdbc.sql("select count(*) from document where title = ?").param(title).query(Long.class)
                    .single()).isEqualTo(1);
        }

        @Test
        void a_file_over_the_upload_limit_gets_a_message_at_the_upload_and_the_form_keeps_what_was_typed(
                @TempDir Path folder) throws IOException {
            Path huge = Files.write(folder.resolve("huge.txt"), new byte[5 * 1024 * 1024 + 1]);
            workspace.signIn("alice");
            workspace.visit("/documents/new");
            workspace.typeInto("Title", "My title");
            workspace.typeInto("Text", "My pasted text");

            WebElement fileInput = (WebElement) workspace.js("""
                    const upload = document.querySelector('vaadin-upload');
                    return upload.querySelector('input[type=file]')
                        || upload.shadowRoot.querySelector('input[type=file]');""");
            fileInput.sendKeys(huge.toString());

            String message = workspace.waiting().until(driver -> (String) workspace.js("""
                    const problem = document.querySelector('.upload-problem');
                    return problem && problem.textContent ? problem.textContent : null;"""));
            assertThat(message).isEqualTo("huge.txt was not read: it is larger than 5 MiB, the most Factmark reads.");
            assertThat(workspace.fieldValue("Title")).isEqualTo("My title");
            assertThat(workspace.fieldValue("Text")).isEqualTo("My pasted text");
        }
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
