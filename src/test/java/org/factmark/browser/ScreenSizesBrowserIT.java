package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The workspace at the screen sizes reviewers really have: a 1366×768 laptop and a 390×844 phone.
 * Real mouse clicks and drags; the layout is read with getBoundingClientRect, as a person would see it.
 */
@IntegrationTest
class ScreenSizesBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Thirty paragraphs: more than one screen, so that passages lie at the top, middle and bottom. */
    private static final String STORY = IntStream.rangeClosed(1, 30)
            .mapToObj(i -> "Paragraph " + i + ": Three Russian sources said the talks had failed, and a U.S. official "
                    + "said Washington would not engage in discussions that left Ukraine out. The ministry counted "
                    + (1000 + i) + " troops lost in the region.")
            .collect(Collectors.joining("\n\n")) + "\n";

    /**
     * Every visible button and field that its window or a clipping ancestor cuts off on the left or right:
     * what a reviewer cannot see or reach. Ancestors are followed through slots and shadow roots.
     */
    private static final String CLIPPED_CONTROLS = """
            const selector = 'vaadin-button, vaadin-text-field, vaadin-text-area, vaadin-combo-box, '
                + 'vaadin-multi-select-combo-box, vaadin-select, vaadin-date-picker, vaadin-integer-field, '
                + 'vaadin-number-field, vaadin-checkbox, vaadin-radio-button, vaadin-upload, vaadin-password-field, '
                + 'vaadin-side-nav-item, vaadin-tab, vaadin-details-summary, a[href], textarea, input:not([type=hidden])';
            const clipped = [];
            for (const el of document.querySelectorAll(selector)) {
              if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
              if (el.closest('vaadin-app-layout [slot=drawer]') && !document.querySelector('vaadin-app-layout').drawerOpened) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              let left = 0, right = innerWidth;
              for (let n = el.assignedSlot || el.parentElement || el.getRootNode().host; n;
                   n = n.assignedSlot || n.parentElement || n.getRootNode().host) {
                if (n === document.documentElement || n === document.body) break;
                if (getComputedStyle(n).overflowX !== 'visible') {
                  const box = n.getBoundingClientRect();
                  left = Math.max(left, box.left);
                  right = Math.min(right, box.right);
                }
              }
              if (r.left < left - 1 || r.right > right + 1) {
                clipped.push((el.label || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40)
                    || el.tagName.toLowerCase()) + ' [' + Math.round(r.left) + '..' + Math.round(r.right)
                    + ' in ' + Math.round(left) + '..' + Math.round(right) + ']');
              }
            }
            return clipped;""";

    @LocalServerPort
    int port;
    ChromeDriver browser;
    Workspace workspace;
    HttpApi api;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void startBrowser(int width, int height) {
        browser = Browser.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        workspace = new Workspace(browser, port);
        api = new HttpApi(port);
    }

    private long addDocument(String title, String text) {
        var body = JsonNodeFactory.instance.objectNode().put("title", title).put("text", text).put("outlet", "Wire");
        return JSON.readTree(api.postJson("/api/documents", body.toString(), "alice", "demo").body()).get("id").asLong();
    }

    private long addClaim(long documentId, String quote, String type) {
        int start = STORY.indexOf(quote);
        var body = JsonNodeFactory.instance.objectNode().put("start", start).put("end", start + quote.length())
                .put("type", type).put("confidence", "MEDIUM");
        return JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims", body.toString(), "bob", "demo")
                .body()).get("id").asLong();
    }

    private JsonNode claimsOf(long documentId) {
        return JSON.readTree(api.get("/api/documents/" + documentId + "/claims", "alice", "demo").body());
    }

    @Test
    void at_1366x768_the_new_claim_form_opens_beside_the_selection_with_its_buttons_in_view_wherever_the_passage_is() {
        startBrowser(1366, 768);
        long documentId = addDocument("Where the form opens", STORY);
        workspace.signIn("alice");
        workspace.open(documentId);

        // A short passage and one over three lines, at the top, middle and bottom of the window, after scrolling.
        String shortPassage = "the talks had failed";
        String longPassage = "Three Russian sources said the talks had failed, and a U.S. official said Washington "
                + "would not engage in discussions that left Ukraine out. The ministry counted";
        for (String where : List.of("start", "center", "end")) {
            for (int paragraph : List.of(3, 17, 29)) {
                String passage = paragraph == 17 ? longPassage : shortPassage;
                int start = STORY.indexOf(passage, STORY.indexOf("Paragraph " + paragraph + ":"));
                dragOverWithoutScrolling(start, start + passage.length(), where);
                workspace.awaitNewClaimForm();
                assertFormBesideSelectionWithButtonsInView(passage + " at the " + where + " of the window");
                workspace.press(Keys.ESCAPE);
                workspace.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim-popup")));
            }
        }

        // A passage at the right end of a line: the form goes to whichever side has the room.
        String lineEnd = "troops lost in the region.";
        int start = STORY.indexOf(lineEnd, STORY.indexOf("Paragraph 12:"));
        dragOverWithoutScrolling(start, start + lineEnd.length(), "end");
        workspace.awaitNewClaimForm();
        assertFormBesideSelectionWithButtonsInView("the end of a paragraph at the bottom of the window");

        // And the form's own Save button, clicked with the mouse, saves the claim.
        workspace.press("2");
        WebElement save = workspace.button("Save claim");
        new Actions(browser).moveToElement(save).click().perform();
        workspace.waiting().until(driver -> claimsOf(documentId).size() == 1);
        assertThat(claimsOf(documentId).get(0).get("quote").asString()).isEqualTo(lineEnd);
    }

    /** Scrolls the text so that the passage sits at the window's start, center or end, then drags over it with the mouse. */
    private void dragOverWithoutScrolling(int start, int end, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Number> points = (Map<String, Number>) workspace.js("""
                const el = document.querySelector('fm-annotator');
                const range = el.rangeFor(arguments[0], arguments[1]);
                range.startContainer.parentElement.scrollIntoView({block: arguments[2]});
                // Keep clear of the window's very edges, where a press would miss the text.
                const column = document.querySelector('.document-column');
                const top = range.getBoundingClientRect().top, bottom = range.getBoundingClientRect().bottom;
                if (top < column.getBoundingClientRect().top + 10) column.scrollTop -= 40;
                if (bottom > innerHeight - 10) column.scrollTop += 40;
                const rects = [...range.getClientRects()].filter(r => r.width > 0);
                const first = rects[0], last = rects[rects.length - 1];
                return {x1: first.left + 1, y1: first.top + first.height / 2,
                        x2: last.right - 1, y2: last.top + last.height / 2};""", start, end, where);
        new Actions(browser)
                .moveToLocation(points.get("x1").intValue(), points.get("y1").intValue())
                .clickAndHold()
                .moveToLocation(points.get("x2").intValue(), points.get("y2").intValue())
                .release()
                .perform();
    }

    private void assertFormBesideSelectionWithButtonsInView(String situation) {
        // The form is placed once the server has answered and the browser has drawn it.
        workspace.awaitServerIdle();
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) workspace.js("""
                const form = document.querySelector('.claim-popup').getBoundingClientRect();
                const covered = [...getSelection().getRangeAt(0).getClientRects()]
                    .filter(r => r.width > 0 && r.left < form.right && r.right > form.left
                        && r.top < form.bottom && r.bottom > form.top).length;
                const buttons = [...document.querySelectorAll('.claim-popup vaadin-button')]
                    .filter(b => { const r = b.getBoundingClientRect();
                        return r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth; })
                    .map(b => b.textContent.trim());
                return {covered, buttonsOutOfView: buttons, selected: getSelection().toString().length};""");
        assertThat(((Number) layout.get("selected")).intValue()).as("a selection remains: " + situation).isPositive();
        assertThat(((Number) layout.get("covered")).intValue()).as("lines of the selection under the form: " + situation)
                .isZero();
        assertThat((List<?>) layout.get("buttonsOutOfView")).as("buttons outside the window: " + situation).isEmpty();
    }

    @Test
    void at_1366x768_clicking_a_highlight_moves_no_text_and_clicking_the_same_spot_again_reaches_the_outer_claim() {
        startBrowser(1366, 768);
        long documentId = addDocument("Clicks that stay put", STORY);
        String sentence = "The ministry counted 1024 troops lost in the region.";
        String figure = "1024 troops";
        long outer = addClaim(documentId, sentence, "attribution");
        long inner = addClaim(documentId, figure, "statistic");
        workspace.signIn("alice");
        workspace.open(documentId);
        // The claims come a moment after the text: a click before they are drawn reaches only words.
        workspace.waiting().until(driver -> workspace.highlightIds().size() == 2);
        // The passage near the bottom of the window, where centring it would scroll the text.
        @SuppressWarnings("unchecked")
        Map<String, Number> spot = (Map<String, Number>) workspace.js("""
                const el = document.querySelector('fm-annotator');
                const range = el.rangeFor(arguments[0], arguments[0] + 2);
                range.startContainer.parentElement.scrollIntoView({block: 'end'});
                document.querySelector('.document-column').scrollTop += 60;
                const r = range.getBoundingClientRect();
                return {x: r.left + r.width / 2, y: r.top + r.height / 2};""", STORY.indexOf(figure) + 1);
        int x = spot.get("x").intValue();
        int y = spot.get("y").intValue();
        Number scrolled = (Number) workspace.js("return document.querySelector('.document-column').scrollTop");

        new Actions(browser).moveToLocation(x, y).click().perform();
        assertThat(workspace.awaitEditorQuote(figure)).isEqualTo(figure);
        pauseForSmoothScrolling();
        assertThat(workspace.js("return document.querySelector('.document-column').scrollTop"))
                .as("the text did not move under the pointer").isEqualTo(scrolled);

        new Actions(browser).moveToLocation(x, y).click().perform();
        assertThat(workspace.awaitEditorQuote(sentence)).as("a second click reaches the outer claim").isEqualTo(sentence);
        pauseForSmoothScrolling();
        assertThat(workspace.js("return document.querySelector('.document-column').scrollTop")).isEqualTo(scrolled);
        assertThat(List.of(outer, inner)).containsExactlyInAnyOrderElementsOf(workspace.highlightIds());
    }

    /** A smooth scroll, had one started, would be under way after a few frames. */
    private void pauseForSmoothScrolling() {
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));");
    }

    @Test
    void at_1366x768_nothing_a_reviewer_needs_is_clipped_in_any_view_or_dialog() {
        startBrowser(1366, 768);
        long documentId = addDocument("Nothing clipped", STORY);
        String quote = "Three Russian sources said the talks had failed";
        long claimId = addClaim(documentId, quote, "attribution");
        addClaim(documentId, "a U.S. official said Washington would not engage", "quote");
        addClaim(documentId, "The ministry counted 1005 troops", "statistic");
        workspace.signIn("admin");
        for (String view : List.of("/", "/documents/new", "/review", "/my-work", "/inbox", "/sources", "/export",
                "/dashboard", "/my-record", "/assignments", "/admin/users", "/admin/claim-types", "/admin/review")) {
            workspace.visit(view);
            assertThat(clippedControls()).as("controls cut off in " + view).isEmpty();
        }
        workspace.visit("/documents/new");
        workspace.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-text-area")));
        assertThat(width("vaadin-text-area")).as("the text area of Add document").isGreaterThan(600);

        workspace.open(documentId);
        workspace.clickAt(STORY.indexOf(quote) + 3);
        workspace.awaitEditorQuote(quote);
        assertThat(clippedControls()).as("controls cut off with a claim open").isEmpty();
        assertThat(fullyVisibleCards()).as("claim cards still in view with a claim open").isGreaterThanOrEqualTo(2);

        // Someone else changes the claim while the admin types: the conflict dialog shows both sides in full.
        workspace.typeInto("Note", "Ask the ministry for the full statement of the day, with its annex");
        String etag = api.get("/api/claims/" + claimId, "bob", "demo").headers().firstValue("ETag").orElseThrow();
        api.send("PATCH", "/api/claims/" + claimId, "{\"note\":\"Bob's note\"}", "bob", "demo", "If-Match", etag);
        workspace.clickButton("Save changes");
        workspace.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")));
        workspace.awaitServerIdle();
        assertThat(clippedControls()).as("controls cut off in the conflict dialog").isEmpty();
        assertThat(clippedGridColumns()).as("columns of the conflict dialog cut off").isEmpty();
    }

    @Test
    void at_390x844_a_reviewer_reads_comments_reviews_and_creates_claims_on_a_phone() {
        startBrowser(390, 844);
        long documentId = addDocument("On a phone", STORY);
        String quote = "Three Russian sources said the talks had failed";
        addClaim(documentId, quote, "attribution");
        workspace.signIn("alice");
        for (String view : List.of("/", "/documents/new", "/review", "/my-work", "/inbox", "/sources", "/export",
                "/my-record")) {
            workspace.visit(view);
            assertThat(clippedControls()).as("controls cut off in " + view).isEmpty();
            assertThat(pageWidth()).as("the page of " + view + " is no wider than the phone").isLessThanOrEqualTo(390);
        }
        workspace.visit("/");
        assertThat(workspace.button("Sign out").isDisplayed()).isTrue();
        assertThat(workspace.button("Add document").isDisplayed()).isTrue();

        // Reading: the text takes the whole width, its words whole.
        workspace.open(documentId);
        assertThat(width("fm-annotator")).as("the text's width").isGreaterThan(330);
        assertThat(clippedControls()).as("controls cut off in the workspace").isEmpty();

        // A tap on a highlight opens the claim in the drawer, where the reviewer comments and sends it to review.
        workspace.clickAt(STORY.indexOf(quote) + 3);
        workspace.awaitEditorQuote(quote);
        assertThat(clippedControls()).as("controls cut off in the claim drawer").isEmpty();
        tapButton("Send to review");
        workspace.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "In review"));
        workspace.typeInto("Add to the discussion", "Which ministry counted them?");
        tapButton("Comment");
        workspace.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "Which ministry counted them?"));
        assertThat(browser.findElement(By.cssSelector(".claim-comment")).getText().lines())
                .as("the comment and who wrote it, on lines of their own").first().isEqualTo("Which ministry counted them?");

        // Back to the text, where a passage selected with the finger's drag becomes a claim.
        tapButton("Back to the text");
        workspace.waiting().until(driver -> !(Boolean) workspace.js(
                "return document.querySelector('.claims-column').checkVisibility({visibilityProperty: true})"));
        String passage = "a U.S. official";
        int start = STORY.indexOf(passage, STORY.indexOf("Paragraph 2:"));
        dragOverWithoutScrolling(start, start + passage.length(), "center");
        workspace.awaitNewClaimForm();
        assertFormBesideSelectionWithButtonsInView("a passage on the phone");
        // The form takes the focus a frame after it shows: the number key picks the type once it has.
        workspace.waiting().until(driver -> Boolean.TRUE.equals(
                workspace.js("return document.activeElement?.closest('.claim-popup') != null")));
        workspace.press("3");
        tapButton("Save claim");
        workspace.waiting().until(driver -> claimsOf(documentId).size() == 2);
        assertThat(claimsOf(documentId).findValues("quote").stream().map(JsonNode::asString)).contains(passage);
    }

    /** Taps (clicks with the pointer) the visible, enabled button with this text. */
    private void tapButton(String text) {
        WebElement button = workspace.button(text);
        workspace.js("arguments[0].scrollIntoView({block: 'nearest'})", button);
        // As a person waits for a toast over the button to go: a tap lands on whatever is on top.
        workspace.waiting().until(driver -> Boolean.TRUE.equals(workspace.js("""
                const box = arguments[0].getBoundingClientRect();
                const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return top !== null && arguments[0].contains(top);""", button)));
        new Actions(browser).moveToElement(button).click().perform();
        workspace.awaitServerIdle();
    }

    private double pageWidth() {
        return ((Number) workspace.js("return document.documentElement.scrollWidth")).doubleValue();
    }

    private List<String> clippedControls() {
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) workspace.js(CLIPPED_CONTROLS);
        return clipped;
    }

    /** Header cells of visible grids that lie outside their grid's visible box, left or right. */
    private List<String> clippedGridColumns() {
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) workspace.js("""
                const out = [];
                for (const grid of document.querySelectorAll('vaadin-grid')) {
                  if (!grid.checkVisibility()) continue;
                  let left = 0, right = innerWidth;
                  for (let n = grid; n; n = n.assignedSlot || n.parentElement || n.getRootNode().host) {
                    if (n === document.body) break;
                    if (getComputedStyle(n).overflowX !== 'visible') {
                      const box = n.getBoundingClientRect();
                      left = Math.max(left, box.left);
                      right = Math.min(right, box.right);
                    }
                  }
                  for (const cell of grid.shadowRoot.querySelectorAll('thead th')) {
                    const r = cell.getBoundingClientRect();
                    if (r.width > 0 && (r.left < left - 1 || r.right > right + 1)) {
                      out.push((cell.querySelector('slot')?.assignedNodes()[0]?.textContent || '?').trim());
                    }
                  }
                }
                return out;""");
        return clipped;
    }

    private double width(String selector) {
        return ((Number) workspace.js("return document.querySelector(arguments[0]).getBoundingClientRect().width",
                selector)).doubleValue();
    }

    private long fullyVisibleCards() {
        return ((Number) workspace.js("""
                const list = document.querySelector('.claims-list').getBoundingClientRect();
                return [...document.querySelectorAll('.claims-list .claim-card')].filter(card => {
                  const r = card.getBoundingClientRect();
                  return r.height > 0 && r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
                }).length;""")).longValue();
    }
}
