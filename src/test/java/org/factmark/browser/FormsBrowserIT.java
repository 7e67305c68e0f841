package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Forms tell the reviewer what is wrong at the field, in their words; take no more than they can
 * save; confirm what they did; ask before throwing typed text away; and say when a link leads nowhere.
 * Real keys and clicks in Chromium at 1366×768.
 */
@IntegrationTest
class FormsBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "The Interior Ministry said 12 sites were hit overnight. Officials expect more.";
    private static final int FIGURE = TEXT.indexOf("12 sites");
    private static final int OUTLOOK = TEXT.indexOf("Officials");

    @LocalServerPort
    int port;
    ChromeDriver browser;
    Workspace workspace;
    HttpApi api;

    @BeforeEach
    void startBrowser() {
        api = new HttpApi(port);
        browser = Browser.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        workspace = new Workspace(browser, port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_claim_refused_by_the_service_is_told_at_its_field_and_a_pasted_text_stops_at_the_limit() {
        long documentId = document("Field messages");
        workspace.signIn("alice");
        workspace.open(documentId);
        workspace.dragOver(FIGURE, FIGURE + "12 sites".length());
        workspace.awaitNewClaimForm();
        // No type chosen yet: Enter saves, and the type choice says what is missing.
        workspace.press(Keys.ENTER);
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("Type").get("invalid")));
        assertThat(field("Type").get("error")).isEqualTo("A claim needs a type.");
        assertThat(errorNotifications()).isEmpty();

        WebElement note = input("Note");
        click(note);
        note.sendKeys("x".repeat(4_010));
        workspace.waiting().until(driver -> field("Note").get("helper").equals("4,000 / 4,000 characters: the limit"));
        assertThat(((String) field("Note").get("value")).length()).isEqualTo(4_000);
        WebElement claimant = input("Claimant");
        click(claimant);
        claimant.sendKeys("y".repeat(210));
        workspace.waiting().until(driver -> field("Claimant").get("helper").equals("200 / 200 characters: the limit"));

        click(browser.findElement(By.xpath("//vaadin-radio-button//label[normalize-space(.)='2 Statistic']")));
        click(workspace.button("Save claim"));
        workspace.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim-popup")));
        assertThat(errorNotifications()).isEmpty();
        assertThat(claims(documentId)).hasSize(1);
    }

    @Test
    void citing_a_source_is_checked_at_its_fields_and_sending_and_commenting_confirm_themselves() {
        long documentId = document("Sources and discussion");
        claim(documentId, FIGURE, FIGURE + 8, "statistic", null);
        workspace.signIn("alice");
        workspace.open(documentId);
        awaitHighlights(1);
        workspace.clickAt(FIGURE + 1);
        workspace.awaitEditorQuote("12 sites");

        workspace.typeInto("…or a new URL", "ftp://ministry.example/statement");
        click(workspace.button("Cite"));
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("…or a new URL").get("invalid")));
        assertThat(field("…or a new URL").get("error")).isEqualTo("The source's URL must start with http:// or https://.");
        workspace.typeInto("…or a new URL", "https://ministry.example/statement");
        click(workspace.button("Cite"));
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("Title of the new source").get("invalid")));
        assertThat(field("Title of the new source").get("error")).isEqualTo("A source needs a title.");
        assertThat(errorNotifications()).isEmpty();

        workspace.typeInto("Add to the discussion", "Which ministry exactly?");
        workspace.press(Keys.ENTER);
        awaitNotification("Posted the comment.");
        workspace.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".claim-comment"),
                "Which ministry exactly?"));

        workspace.typeInto("…or a new URL", "https://ministry.example/statement");
        workspace.typeInto("Title of the new source", "Ministry statement");
        click(workspace.button("Cite"));
        awaitNotification("Linked the source.");
        click(workspace.button("Send to review"));
        awaitNotification("Sent the claim to review: an editor will verify or reject it.");
        assertThat(errorNotifications()).isEmpty();
    }

    @Test
    void a_link_to_a_deleted_claim_or_one_of_another_document_says_so_in_the_workspace() {
        long documentId = document("Stale links");
        long otherDocument = document("The other article");
        long deleted = claim(documentId, FIGURE, FIGURE + 8, "statistic", null);
        assertThat(api.send("DELETE", "/api/claims/" + deleted, null, "alice", "demo", "If-Match", "\"1\"")
                .statusCode()).isEqualTo(204);
        long elsewhere = claim(otherDocument, OUTLOOK, TEXT.length(), "prediction", null);
        workspace.signIn("alice");

        workspace.visit("/documents/" + documentId + "?claim=" + deleted);
        assertThat(awaitStaleLinkNotice()).contains("does not exist").contains("deleted");

        workspace.visit("/documents/" + documentId + "?claim=" + elsewhere);
        assertThat(awaitStaleLinkNotice()).contains("in another document, “The other article”");
        click(browser.findElement(By.linkText("Open it there")));
        workspace.awaitEditorQuote("Officials expect more.");
        assertThat(browser.getCurrentUrl()).endsWith("/documents/" + otherDocument + "?claim=" + elsewhere);
    }

    @Test
    void escape_in_the_claimant_box_keeps_the_typed_text_and_discarding_a_filled_form_asks_first() {
        long documentId = document("Claimants");
        claim(documentId, 0, "The Interior Ministry".length(), "attribution", "Interior Ministry");
        workspace.signIn("alice");
        workspace.open(documentId);
        workspace.dragOver(FIGURE, FIGURE + 8);
        workspace.awaitNewClaimForm();
        WebElement claimant = input("Claimant");
        click(claimant);
        claimant.sendKeys("Inter");
        workspace.waiting().until(driver -> Boolean.TRUE.equals(workspace.js(
                "return document.querySelector('.claim-popup vaadin-combo-box').opened;")));

        workspace.press(Keys.ESCAPE);
        workspace.waiting().until(driver -> Boolean.FALSE.equals(workspace.js(
                "return document.querySelector('.claim-popup vaadin-combo-box').opened;")));
        workspace.awaitServerIdle();
        assertThat(browser.findElement(By.cssSelector(".claim-popup")).isDisplayed()).isTrue();
        assertThat(claimant.getDomProperty("value")).isEqualTo("Inter");

        // Escape again means the form: it holds typed text, so it asks.
        workspace.press(Keys.ESCAPE);
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Keep editing"));
        workspace.awaitServerIdle();
        assertThat(browser.findElement(By.cssSelector(".claim-popup")).isDisplayed()).isTrue();
        assertThat(field("Claimant").get("value")).isEqualTo("Inter");

        click(workspace.button("Cancel"));
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Discard"));
        workspace.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim-popup")));
        assertThat(claims(documentId)).hasSize(1);
    }

    @Test
    void opening_another_claim_with_unsaved_changes_asks_first_and_a_second_claim_on_the_same_span_warns() {
        long documentId = document("Unsaved edits");
        claim(documentId, FIGURE, FIGURE + 8, "statistic", null);
        claim(documentId, OUTLOOK, TEXT.length(), "prediction", null);
        workspace.signIn("alice");
        workspace.open(documentId);
        awaitHighlights(2);
        workspace.clickAt(FIGURE + 1);
        workspace.awaitEditorQuote("12 sites");
        workspace.typeInto("Note", "Check the ministry's figure against the UN's");
        workspace.clickAt(OUTLOOK + 2);
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Keep editing"));
        workspace.awaitServerIdle();
        assertThat(workspace.awaitEditorQuote("12 sites")).isEqualTo("12 sites");
        assertThat(workspace.fieldValue("Note")).isEqualTo("Check the ministry's figure against the UN's");

        workspace.clickAt(OUTLOOK + 2);
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Discard"));
        workspace.awaitEditorQuote("Officials expect more.");

        // The same span with the same type again: a warning first, and the reviewer may go ahead.
        workspace.dragOver(FIGURE, FIGURE + 8);
        workspace.awaitNewClaimForm();
        click(browser.findElement(By.xpath("//vaadin-radio-button//label[normalize-space(.)='2 Statistic']")));
        click(workspace.button("Save claim"));
        awaitConfirmDialog("This passage already has this claim");
        assertThat(claims(documentId)).hasSize(2);
        click(workspace.button("Save a second claim"));
        awaitNotification("Saved the claim (Statistic).");
        assertThat(claims(documentId)).hasSize(3);
    }

    @Test
    void add_document_tells_what_is_missing_at_the_field_and_asks_before_its_text_is_thrown_away() {
        workspace.signIn("alice");
        workspace.visit("/documents/new");
        workspace.typeInto("Text", "An article without a title.");
        click(workspace.button("Save document"));
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("Title").get("invalid")));
        assertThat(field("Title").get("error")).isEqualTo("A document needs a title.");
        assertThat(errorNotifications()).isEmpty();

        click(workspace.button("Cancel"));
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Keep editing"));
        workspace.awaitServerIdle();
        assertThat(browser.getCurrentUrl()).endsWith("/documents/new");
        assertThat(workspace.fieldValue("Text")).isEqualTo("An article without a title.");
    }

    @Test
    void admin_dialogs_tell_refusals_at_the_field_and_escape_asks_before_closing_a_filled_one() {
        workspace.signIn("admin");
        workspace.visit("/admin/users");
        click(workspace.button("Add user"));
        workspace.typeInto("Username", "Bob Smith");
        input("Password").sendKeys("long enough password");
        click(workspace.button("Save"));
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("Username").get("invalid")));
        assertThat((String) field("Username").get("error")).startsWith("A username has 2 to 40 characters");
        assertThat(errorNotifications()).isEmpty();

        click(input("Username"));
        workspace.press(Keys.ESCAPE);
        awaitConfirmDialog("Discard what you typed?");
        click(workspace.button("Discard"));
        workspace.waiting().until(driver -> browser.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

        workspace.visit("/admin/claim-types");
        click(workspace.button("Add type"));
        workspace.typeInto("Code", "Bad Code");
        workspace.typeInto("Name", "Bad");
        click(workspace.button("Save"));
        workspace.waiting().until(driver -> Boolean.TRUE.equals(field("Code").get("invalid")));
        assertThat((String) field("Code").get("error")).startsWith("A type code has 2 to 32 characters");
        assertThat(errorNotifications()).isEmpty();
    }

    private long document(String title) {
        return JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"" + title + "\",\"text\":\"" + TEXT + "\"}", "alice", "demo").body()).get("id").asLong();
    }

    private long claim(long documentId, int start, int end, String type, String claimant) {
        return JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":" + start + ",\"end\":" + end + ",\"type\":\"" + type + "\",\"confidence\":\"HIGH\""
                        + (claimant == null ? "" : ",\"claimant\":\"" + claimant + "\"") + "}",
                "alice", "demo").body()).get("id").asLong();
    }

    private List<?> claims(long documentId) {
        return JSON.readValue(api.get("/api/documents/" + documentId + "/claims", "alice", "demo").body(), List.class);
    }

    /** What the visible field with this label shows: invalid, error, helper text and value. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> field(String label) {
        return (Map<String, Object>) workspace.js("""
                const f = [...document.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-combo-box, '
                    + 'vaadin-radio-group, vaadin-password-field, vaadin-date-picker')]
                    .find(f => (f.label === arguments[0] || f.placeholder === arguments[0])
                        && f.getClientRects().length > 0);
                return {invalid: f.invalid, error: f.errorMessage || '', helper: f.helperText || '',
                        value: f.inputElement ? f.inputElement.value : f.value};""", label);
    }

    private WebElement input(String label) {
        return (WebElement) workspace.js("""
                return [...document.querySelectorAll('vaadin-text-field, vaadin-combo-box, vaadin-password-field')]
                    .find(f => f.label === arguments[0] && f.getClientRects().length > 0).inputElement;""", label);
    }

    /** A real click, on the element brought into view first (the layout is not under test here). */
    private void click(WebElement element) {
        workspace.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private List<WebElement> errorNotifications() {
        workspace.awaitServerIdle();
        return browser.findElements(By.cssSelector("vaadin-notification-card[theme~='error']"));
    }

    private void awaitNotification(String text) {
        workspace.waiting().until(driver -> browser.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains(text)));
    }

    private void awaitConfirmDialog(String header) {
        workspace.waiting().until(driver -> (Boolean) workspace.js("""
                return [...document.querySelectorAll('vaadin-confirm-dialog')]
                    .some(d => d.opened && d.header === arguments[0]);""", header));
    }

    private String awaitStaleLinkNotice() {
        return workspace.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".stale-link")))
                .getText();
    }

    /** The claims come a moment after the text: a click before they are drawn reaches only words. */
    private void awaitHighlights(int count) {
        workspace.waiting().until(driver -> workspace.highlightIds().size() == count);
    }
}
