package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A reviewer who cannot use a mouse: every step here is a key pressed in a real browser (Selenium
 * Actions), and each page counts the mouse and pointer events it receives, which must stay none.
 */
@IntegrationTest
class KeyboardOnlyBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "The ministry said 12 sites were hit overnight. Officials gave no figures.";

    @LocalServerPort
    int port;
    @TempDir
    Path downloads;
    ChromeDriver alicesBrowser;
    ChromeDriver editorsBrowser;

    @AfterEach
    void closeBrowsers() {
        for (var browser : new ChromeDriver[] {alicesBrowser, editorsBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void a_reviewer_annotates_and_an_editor_verifies_and_exports_with_the_keyboard_alone() throws Exception {
        var api = new HttpApi(port);
        String title = "Keyboard only " + System.nanoTime();
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"" + title + "\",\"text\":\"" + TEXT + "\"}", "alice", "demo").body()).get("id").asLong();

        alicesBrowser = start();
        var alice = new Keyboard(alicesBrowser);
        alice.signIn("alice");

        // Open the document from the list: search, Tab into the grid, Enter on the row.
        alice.tabUntil("document.activeElement.placeholder === 'Search titles and text'");
        alice.type(title);
        alice.wait.until(driver -> alice.gridShows(title));
        alice.tabUntil(Keyboard.IN_GRID_BODY);
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.urlContains("/documents/" + documentId));
        alice.wait.until(driver -> (Boolean) alice.js("return !!document.querySelector('fm-annotator span[data-start]')"));

        // The focus starts at the top again, on the skip link, which takes it to the text.
        assertThat(alice.js("return document.activeElement.textContent.trim()")).isEqualTo("Skip to content");
        assertThat(((Number) alice.js("return document.activeElement.getBoundingClientRect().top")).doubleValue())
                .as("the skip link is on screen while it has the focus").isGreaterThanOrEqualTo(0);
        alice.press(Keys.ENTER);
        assertThat(alice.js("return document.activeElement.localName")).isEqualTo("fm-annotator");
        assertThat(alice.js("return document.activeElement.getAttribute('role')")).isEqualTo("textbox");
        assertThat(alice.js("return document.activeElement.getAttribute('aria-label')")).isEqualTo("Text of “" + title + "”");
        assertThat(alice.js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");

        // "12 sites": three words on, one character, then two words selected.
        alice.chord(Keys.CONTROL, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        alice.press(Keys.ARROW_RIGHT);
        alice.chord(Keys.CONTROL, Keys.SHIFT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(alice.js("return getSelection().toString()")).isEqualTo("12 sites");
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-popup-quote"), "12 sites"));
        assertThat(alice.js("return document.querySelector('.claim-popup').getAttribute('role')")).isEqualTo("dialog");
        assertThat(alice.js("return document.querySelector('.claim-popup').getAttribute('aria-label')"))
                .isEqualTo("New claim on “12 sites”");
        alice.wait.until(driver -> alice.js("return document.activeElement.closest('.claim-popup') !== null").equals(true));
        alice.press("1");
        alice.tabUntil("document.activeElement.closest('vaadin-text-field')?.label === 'Note'");
        alice.type("Twelve, says the ministry");

        // Back to the text to take the rest of the sentence, without its full stop: the form follows.
        alice.tabUntil("document.activeElement.localName === 'fm-annotator'", Keys.SHIFT);
        alice.chord(Keys.ALT, Keys.SHIFT, Keys.ARROW_RIGHT);
        alice.chord(Keys.SHIFT, Keys.ARROW_LEFT);
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-popup-quote"), "12 sites were hit overnight"));
        alice.press(Keys.ENTER);
        alice.wait.until(driver -> alice.js("return document.activeElement.closest('.claim-popup') !== null").equals(true));
        assertThat(alice.js("return [...document.querySelectorAll('.claim-popup vaadin-text-field')].find(f => f.label === 'Note').value"))
                .as("what was typed stays").isEqualTo("Twelve, says the ministry");
        alice.screenshot("new-claim-form-by-keyboard");
        alice.press(Keys.ENTER);
        alice.wait.until(driver -> claims(api, documentId).size() == 1);
        JsonNode claim = claims(api, documentId).get(0);
        assertThat(claim.get("start").asInt()).isEqualTo(18);
        assertThat(claim.get("end").asInt()).isEqualTo(45);
        assertThat(claim.get("note").asString()).isEqualTo("Twelve, says the ministry");
        long claimId = claim.get("id").asLong();
        alice.wait.until(driver -> alice.js("return document.activeElement.localName === 'fm-annotator'").equals(true));

        // Cite a source and send the claim to review, in the editor the save opened.
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), "12 sites were hit overnight"));
        alice.tabUntil("document.activeElement.closest('vaadin-text-field')?.label === '…or a new URL'");
        alice.type("https://ministry.example/strikes-" + claimId);
        alice.tabUntil("document.activeElement.closest('vaadin-text-field')?.label === 'Title of the new source'");
        alice.type("Ministry statement on overnight strikes");
        alice.tabUntil(Keyboard.button("Cite"));
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space(.)='Ministry statement on overnight strikes']")));
        alice.tabUntil(Keyboard.button("Send to review"));
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"), "In review"));
        alice.assertNoMouse();

        // The editor finds it in the review queue, verifies it and exports.
        editorsBrowser = start();
        editorsBrowser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        var editor = new Keyboard(editorsBrowser);
        editor.signIn("editor");
        editor.go("/review");
        editor.wait.until(driver -> editor.gridShows("12 sites were hit overnight"));
        editor.tabUntil(Keyboard.IN_GRID_BODY);
        editor.arrowDownUntilRowShows("12 sites were hit overnight");
        editor.press(Keys.ENTER);
        editor.wait.until(ExpectedConditions.urlContains("claim=" + claimId));
        editor.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), "12 sites were hit overnight"));
        editor.tabUntil(Keyboard.button("Verify…"));
        editor.press(Keys.ENTER);
        editor.tabUntil("document.activeElement.closest('vaadin-select')?.label === 'Rating'");
        editor.press(Keys.ARROW_DOWN);
        String focusedItem = """
                let a = document.activeElement;
                while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
                return a?.textContent.trim();""";
        for (int i = 0; i < 8 && !"Mostly true".equals(editor.js(focusedItem)); i++) {
            editor.press(Keys.ARROW_DOWN);
        }
        editor.press(Keys.ENTER);
        editor.wait.until(driver -> "Mostly true".equals(editor.js(
                "return [...document.querySelectorAll('vaadin-select')].find(s => s.label === 'Rating')"
                        + "?.querySelector('vaadin-select-value-button')?.textContent.trim()")));
        editor.tabUntil("document.activeElement.closest('vaadin-text-area')?.label === 'Rationale'");
        editor.type("The ministry's own statement gives twelve sites.");
        editor.tabUntil(Keyboard.button("Verify"));
        editor.press(Keys.ENTER);
        editor.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-section"),
                "Verified by Eddie Editor"));
        assertThat(JSON.readTree(api.get("/api/claims/" + claimId, "alice", "demo").body()).get("status").asString())
                .isEqualTo("VERIFIED");
        editor.assertNoMouse();

        editor.go("/export");
        editor.tabUntil("document.activeElement.localName === 'a' && document.activeElement.textContent.startsWith('Claims (CSV)')");
        editor.press(Keys.ENTER);
        Path csv = downloads.resolve("factmark-claims.csv");
        new WebDriverWait(editorsBrowser, Duration.ofSeconds(20)).until(driver -> Files.exists(csv));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("12 sites were hit overnight");
        editor.assertNoMouse();
    }

    @Test
    void the_caret_moves_by_character_word_sentence_and_line_and_never_splits_a_character_on_a_phone() throws Exception {
        var api = new HttpApi(port);
        // "Noël" with a combining diaeresis, and a family emoji: one character each to a reader.
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String text = "Noe\u0308l " + family + " ate 3 pies. Then he left the house at noon and walked along the river "
                + "to the old mill.\nSecond line.";
        long documentId = JSON.readTree(api.postJson("/api/documents", JSON.writeValueAsString(
                Map.of("title", "Caret " + System.nanoTime(), "text", text)), "alice", "demo").body()).get("id").asLong();
        alicesBrowser = start();
        alicesBrowser.manage().window().setSize(new Dimension(390, 844));
        var alice = new Keyboard(alicesBrowser);
        alice.signIn("alice");
        alice.go("/documents/" + documentId);
        alice.wait.until(driver -> (Boolean) alice.js("return !!document.querySelector('fm-annotator span[data-start]')"));
        alice.tabUntil("document.activeElement.localName === 'fm-annotator'");

        alice.chord(Keys.SHIFT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(alice.js("return getSelection().toString()")).as("three characters").isEqualTo("Noe\u0308");
        alice.press(Keys.ARROW_RIGHT);
        alice.chord(Keys.CONTROL, Keys.ARROW_RIGHT);
        assertThat(caret(alice)).as("the end of the word").isEqualTo(5);
        alice.press(Keys.ARROW_RIGHT);
        alice.chord(Keys.SHIFT, Keys.ARROW_RIGHT);
        assertThat(alice.js("return getSelection().toString()")).as("the whole family").isEqualTo(family);
        alice.chord(Keys.SHIFT, Keys.ARROW_LEFT);
        alice.chord(Keys.ALT, Keys.SHIFT, Keys.ARROW_RIGHT);
        assertThat(alice.js("return getSelection().toString()")).isEqualTo(family + " ate 3 pies.");

        // The first paragraph wraps on a phone: Down goes one visual line down, End to its end.
        alice.chord(Keys.CONTROL, Keys.HOME);
        double lineHeight = ((Number) alice.js("return parseFloat(getComputedStyle(document.activeElement).lineHeight)")).doubleValue();
        double top = caretTop(alice);
        alice.press(Keys.ARROW_DOWN);
        assertThat(caretTop(alice) - top).isBetween(lineHeight * 0.5, lineHeight * 1.5);
        assertThat(caret(alice)).isBetween(1, text.indexOf('\n') - 1);
        alice.press(Keys.END);
        int lineEnd = caret(alice);
        assertThat(caretTop(alice) - top).as("still on the second line").isBetween(lineHeight * 0.5, lineHeight * 1.5);
        alice.press(Keys.HOME);
        assertThat(caret(alice)).isLessThan(lineEnd);
        alice.press(Keys.PAGE_DOWN);
        assertThat(caret(alice)).as("a screen further: the end of this short text").isGreaterThan(text.indexOf('\n'));
        alice.chord(Keys.CONTROL, Keys.END);
        assertThat(caret(alice)).isEqualTo(text.length());
        alice.press(Keys.ARROW_UP);
        assertThat(caret(alice)).as("up from the last line; %s", alice.js("""
                const el = document.querySelector('fm-annotator');
                return JSON.stringify({end: el.caretBox(el._text.length), first: el.caretBox(0), k: el.keyboard,
                    active: document.activeElement.localName, lh: getComputedStyle(el).lineHeight});"""))
                .isLessThan(text.indexOf('\n') + 1);
        alice.chord(Keys.CONTROL, Keys.HOME);
        alice.press(Keys.PAGE_UP);
        assertThat(caret(alice)).isZero();
        alice.screenshot("caret-on-a-phone");
        alice.assertNoMouse();
    }

    @Test
    void every_claim_is_reached_from_the_text_and_from_the_list_and_j_k_and_question_mark_work_anywhere() throws Exception {
        var api = new HttpApi(port);
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"Nested " + System.nanoTime() + "\",\"text\":\"" + TEXT + "\"}", "alice", "demo").body())
                .get("id").asLong();
        String outer = "The ministry said 12 sites were hit overnight.";
        api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":0,\"end\":46,\"type\":\"statistic\",\"confidence\":\"HIGH\"}", "alice", "demo");
        api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":18,\"end\":26,\"type\":\"quote\",\"confidence\":\"HIGH\"}", "alice", "demo");
        alicesBrowser = start();
        var alice = new Keyboard(alicesBrowser);
        alice.signIn("alice");
        alice.go("/documents/" + documentId);
        alice.wait.until(driver -> (Boolean) alice.js("return !!document.querySelector('fm-annotator span[data-ids]')"));

        // Both claims covering "12 sites" are told to assistive technology, not only the innermost.
        assertThat((String) alice.js("return document.querySelector('fm-annotator span[data-start=\"18\"]').getAttribute('aria-description')"))
                .startsWith("2 claims:");

        // The first Tab on a page reaches the skip link, which leads to the text.
        alice.press(Keys.TAB);
        assertThat(alice.js("return document.activeElement.textContent.trim()")).isEqualTo("Skip to content");
        alice.press(Keys.ENTER);
        assertThat(alice.js("return document.activeElement.localName")).isEqualTo("fm-annotator");

        // From the text: ] jumps from highlight to highlight, Enter opens the claim, Enter again the one around it.
        alice.press("]");
        assertThat(caret(alice)).isEqualTo(18);
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("workspace-status"), "2 claims"));
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), "12 sites"));
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), outer));
        alice.tabUntil("document.activeElement.localName === 'fm-annotator'", Keys.SHIFT);
        alice.press("[");
        assertThat(caret(alice)).isZero();
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("workspace-status"), "Claim: "));

        // From the list: Enter on a row opens its claim, as Space does.
        alice.tabUntil(Keyboard.IN_GRID_BODY);
        alice.arrowDownUntilRowShows("Quote");
        alice.press(Keys.ENTER);
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), "12 sites"));

        // j and k from a button; in a text field they are letters.
        alice.tabUntil(Keyboard.button("Keyboard shortcuts (?)"), Keys.SHIFT);
        alice.press("k");
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), outer));
        alice.press("j");
        alice.wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), "12 sites"));
        alice.tabUntil("document.activeElement.closest('vaadin-text-field')?.label === 'Note'");
        alice.type("jk");
        alice.pause();
        assertThat(alice.js("return document.activeElement.closest('vaadin-text-field').value")).isEqualTo("jk");
        assertThat(alicesBrowser.findElement(By.cssSelector(".claim-editor-quote")).getText()).isEqualTo("12 sites");

        // ? from the list shows every shortcut, each text in full.
        alice.tabUntil(Keyboard.IN_GRID_BODY, Keys.SHIFT);
        alice.type("?");
        alice.wait.until(driver -> (Boolean) alice.js("return !!document.querySelector('.shortcut-table')"));
        assertThat((List<?>) alice.js("""
                return [...document.querySelectorAll('.shortcut-table th, .shortcut-table td')]
                    .filter(cell => cell.scrollWidth > cell.clientWidth + 1 || cell.getBoundingClientRect().right > innerWidth)
                    .map(cell => cell.textContent);""")).as("clipped shortcut texts").isEmpty();
        assertThat((String) alice.js("return document.querySelector('.shortcut-table').textContent"))
                .contains("Alt + Shift + ← / →", "Select by sentence");
        alice.screenshot("shortcuts");
        alice.press(Keys.ESCAPE);

        // A collaborator's claim is announced politely.
        api.postJson("/api/documents/" + documentId + "/claims",
                "{\"start\":47,\"end\":72,\"type\":\"statistic\",\"confidence\":\"LOW\"}", "bob", "demo");
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("workspace-status"), "added a claim"));
        assertThat(alicesBrowser.findElement(By.id("workspace-status")).getAttribute("role")).isEqualTo("status");
        alice.assertNoMouse();
    }

    private static int caret(Keyboard keyboard) {
        assertThat((List<?>) keyboard.js("return window.__errors")).as("script errors").isEmpty();
        return ((Number) keyboard.js("return document.querySelector('fm-annotator').keyboard.caret")).intValue();
    }

    private static double caretTop(Keyboard keyboard) {
        return ((Number) keyboard.js("""
                const el = document.querySelector('fm-annotator');
                return el.caretBox(el.keyboard.caret).top - el.getBoundingClientRect().top;""")).doubleValue();
    }

    private List<JsonNode> claims(HttpApi api, long documentId) {
        JsonNode page = JSON.readTree(api.get("/api/documents/" + documentId + "/claims", "alice", "demo").body());
        JsonNode items = page.isArray() ? page : page.get("items");
        return items.valueStream().toList();
    }

    private static ChromeDriver start() {
        var browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 768));
        return browser;
    }

    /** One browser driven by keys only; it counts the mouse and pointer events its pages receive. */
    final class Keyboard {

        /** The focus is on a row or cell of a grid's body. */
        static final String IN_GRID_BODY = """
                (() => { const grid = document.activeElement;
                  const cell = grid?.localName === 'vaadin-grid' ? grid.shadowRoot.activeElement : null;
                  return !!cell && grid.$.items.contains(cell); })()""";

        final ChromeDriver browser;
        final WebDriverWait wait;

        Keyboard(ChromeDriver browser) {
            this.browser = browser;
            this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        }

        static String button(String text) {
            return "document.activeElement.localName === 'vaadin-button' && document.activeElement.textContent.trim() === '"
                    + text + "'";
        }

        void signIn(String username) {
            go("/login");
            tabUntil("document.activeElement.name === 'username'");
            type(username);
            press(Keys.TAB);
            type("demo");
            press(Keys.ENTER);
            wait.until(ExpectedConditions.urlMatches(".*/$"));
            watchForMouse();
        }

        /** Typing an address into the browser's address bar. */
        void go(String path) {
            browser.get("http://localhost:" + port + path);
            wait.until(driver -> (Boolean) js("return !!window.Vaadin?.Flow?.clients"));
            watchForMouse();
        }

        void watchForMouse() {
            js("""
                    if (window.__mouseEvents !== undefined) return;
                    window.__mouseEvents = [];
                    window.__errors = [];
                    addEventListener('error', (e) => window.__errors.push(e.message));
                    for (const type of ['mousedown', 'mouseup', 'mousemove', 'pointerdown', 'pointerup', 'wheel']) {
                      addEventListener(type, (e) => { if (e.isTrusted) window.__mouseEvents.push(type); }, true);
                    }""");
        }

        void assertNoMouse() {
            assertThat((List<?>) js("return window.__mouseEvents")).as("mouse events").isEmpty();
        }

        void press(CharSequence... keys) {
            new Actions(browser).sendKeys(keys).perform();
        }

        void type(String text) {
            new Actions(browser).sendKeys(text).perform();
        }

        /** Holds the modifier(s) before the last key(s)... as {@code chord(CONTROL, SHIFT, RIGHT, RIGHT)}. */
        void chord(Keys... keys) {
            var actions = new Actions(browser);
            List<Keys> modifiers = List.of(keys).stream().filter(key -> key == Keys.CONTROL || key == Keys.SHIFT
                    || key == Keys.ALT).toList();
            modifiers.forEach(actions::keyDown);
            List.of(keys).stream().filter(key -> !modifiers.contains(key)).forEach(key -> actions.sendKeys(key));
            modifiers.reversed().forEach(actions::keyUp);
            actions.perform();
        }

        /** Presses Tab (with {@code modifier}, e.g. Shift) until the focus is where {@code condition} says. */
        void tabUntil(String condition, Keys... modifier) {
            for (int i = 0; i < 60; i++) {
                if (Boolean.TRUE.equals(js("return !!(" + condition + ")"))) {
                    return;
                }
                var actions = new Actions(browser);
                for (Keys key : modifier) {
                    actions.keyDown(key);
                }
                actions.sendKeys(Keys.TAB);
                for (Keys key : modifier) {
                    actions.keyUp(key);
                }
                actions.perform();
                pause();
            }
            fail("Tab never reached: " + condition + "; the focus is on " + js("return document.activeElement.outerHTML.slice(0, 200)"));
        }

        boolean gridShows(String text) {
            return (Boolean) js("""
                    return [...document.querySelectorAll('vaadin-grid-cell-content')]
                        .some(c => c.textContent.includes(arguments[0]) && c.getClientRects().length > 0);""", text);
        }

        void arrowDownUntilRowShows(String text) {
            for (int i = 0; i < 50; i++) {
                if (Boolean.TRUE.equals(js("""
                        const cell = document.activeElement.shadowRoot.activeElement;
                        const row = cell.localName === 'tr' ? cell : cell.parentElement;
                        return [...row.children].some(td => td._content?.textContent.includes(arguments[0]));""", text))) {
                    return;
                }
                press(Keys.ARROW_DOWN);
            }
            fail("No row shows " + text);
        }

        void screenshot(String name) throws Exception {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }

        Object js(String script, Object... arguments) {
            return browser.executeScript(script, arguments);
        }

        /** Lets the server answer a key that it handles, before the next one. */
        void pause() {
            new Workspace(browser, port).awaitServerIdle();
        }
    }
}
