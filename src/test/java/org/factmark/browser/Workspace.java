package org.factmark.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a reviewer does in a real browser: sign in, open a document, select text, click highlights. */
public final class Workspace {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String baseUrl;

    public Workspace(WebDriver browser, int port) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        this.baseUrl = "http://localhost:" + port;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void signIn(String username) {
        browser.get(baseUrl + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/$"));
    }

    /** Opens a view by its path, e.g. {@code /documents/new}, and waits until Vaadin has drawn it. */
    public void visit(String path) {
        browser.get(baseUrl + path);
        awaitServerIdle();
    }

    /** Waits until the page has no request to the server pending, so that every click so far has had its effect. */
    public void awaitServerIdle() {
        wait.until(driver -> (Boolean) js("""
                const clients = window.Vaadin?.Flow?.clients;
                return !!clients && Object.keys(clients).length > 0
                    && Object.values(clients).every(client => !client.isActive || !client.isActive());"""));
    }

    /** Opens the document and waits until its text is drawn. */
    public void open(long documentId) {
        browser.get(baseUrl + "/documents/" + documentId);
        awaitText();
    }

    void reload() {
        browser.navigate().refresh();
        awaitText();
    }

    private void awaitText() {
        wait.until(driver -> (Boolean) js("""
                const el = document.querySelector('fm-annotator');
                return !!el && customElements.get('fm-annotator') !== undefined && el.querySelector('span[data-start]') !== null;"""));
    }

    /** Drags the mouse over [start, end) of the text, from the first character's left to the last one's right. */
    void dragOver(int start, int end) {
        @SuppressWarnings("unchecked")
        Map<String, Number> points = (Map<String, Number>) js("""
                const el = document.querySelector('fm-annotator');
                el.rangeFor(arguments[0], arguments[1]).startContainer.parentElement.scrollIntoView({block: 'center'});
                const rects = el.rangeFor(arguments[0], arguments[1]).getClientRects();
                const first = rects[0], last = rects[rects.length - 1];
                return {x1: first.left + 1, y1: first.top + first.height / 2,
                        x2: last.right - 1, y2: last.top + last.height / 2};""", start, end);
        new Actions(browser)
                .moveToLocation(points.get("x1").intValue(), points.get("y1").intValue())
                .clickAndHold()
                .moveToLocation(points.get("x2").intValue(), points.get("y2").intValue())
                .release()
                .perform();
    }

    /** Selects [start, end) as a script would and lets the element report it, as after a mouse-up. */
    void selectByScript(int start, int end) {
        js("""
                const el = document.querySelector('fm-annotator');
                el.rangeFor(arguments[0], arguments[1]).startContainer.parentElement.scrollIntoView({block: 'center'});
                getSelection().removeAllRanges();
                getSelection().addRange(el.rangeFor(arguments[0], arguments[1]));
                el.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));""", start, end);
    }

    WebElement awaitNewClaimForm() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".claim-popup")));
    }

    /** Types keys into whatever has the focus (the new-claim form puts it on the type). */
    void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** The text drawn for highlight {@code claimId}: its segments' text, in order. */
    public String highlightedText(long claimId) {
        return (String) js("""
                return [...document.querySelectorAll('fm-annotator span[data-ids]')]
                    .filter(span => span.dataset.ids.split(' ').includes(String(arguments[0])))
                    .map(span => span.textContent).join('');""", claimId);
    }

    /** Ids of all highlights drawn, in the order their first segment appears. */
    @SuppressWarnings("unchecked")
    public List<Long> highlightIds() {
        return ((List<Number>) js("""
                const ids = [];
                for (const span of document.querySelectorAll('fm-annotator span[data-ids]')) {
                  for (const id of span.dataset.ids.split(' ')) if (!ids.includes(Number(id))) ids.push(Number(id));
                }
                return ids;""")).stream().map(Number::longValue).toList();
    }

    /** Clicks the middle of the character at {@code offset}. */
    void clickAt(int offset) {
        @SuppressWarnings("unchecked")
        Map<String, Number> point = (Map<String, Number>) js("""
                const range = document.querySelector('fm-annotator').rangeFor(arguments[0], arguments[0] + 1);
                range.startContainer.parentElement.scrollIntoView({block: 'center'});
                const r = range.getBoundingClientRect();
                return {x: r.left + r.width / 2, y: r.top + r.height / 2};""", offset);
        new Actions(browser).moveToLocation(point.get("x").intValue(), point.get("y").intValue()).click().perform();
    }

    /** The quote shown by the claim editor, once it shows {@code expected}. */
    String awaitEditorQuote(String expected) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".claim-editor-quote"), expected));
        return browser.findElement(By.cssSelector(".claim-editor-quote")).getText();
    }

    /** Types into the Vaadin text field, text area or combo box with this label or placeholder, replacing its text. */
    void typeInto(String label, String text) {
        WebElement input = wait.until(driver -> (WebElement) js("""
                const field = [...document.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-combo-box')]
                    .find(f => (f.label === arguments[0] || f.placeholder === arguments[0])
                        && f.getClientRects().length > 0);
                return field ? field.querySelector('input, textarea') : null;""", label));
        if (!input.getDomProperty("value").isEmpty()) {
            input.clear();
        }
        input.sendKeys(text);
    }

    /** What the browser shows in the visible Vaadin field with this label. */
    String fieldValue(String label) {
        return (String) js("""
                return [...document.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-combo-box')]
                    .find(f => f.label === arguments[0] && f.getClientRects().length > 0).value;""", label);
    }

    /** The visible, enabled Vaadin button with exactly this text, for clicking it as a user would. */
    WebElement button(String text) {
        return wait.until(driver -> (WebElement) js("""
                return [...document.querySelectorAll('vaadin-button')]
                    .find(b => b.textContent.trim() === arguments[0] && b.getClientRects().length > 0 && !b.disabled)
                    || null;""", text));
    }

    /** Clicks the visible Vaadin button with exactly this text, after leaving the field in focus as a click would. */
    void clickButton(String text) {
        wait.until(driver -> (Boolean) js("""
                document.activeElement?.blur();
                const button = [...document.querySelectorAll('vaadin-button')]
                    .find(b => b.textContent.trim() === arguments[0] && b.getClientRects().length > 0 && !b.disabled);
                if (button) button.click();
                return !!button;""", text));
    }

    /** Picks the item with this text in the Vaadin select with this label. */
    void chooseInSelect(String label, String item) {
        wait.until(driver -> (Boolean) js("""
                const select = [...document.querySelectorAll('vaadin-select')].find(s => s.label === arguments[0]);
                if (!select) return false;
                select.opened = true;
                const option = [...document.querySelectorAll('vaadin-select-item')]
                    .find(i => i.textContent.trim() === arguments[1]);
                if (option) option.click();
                return !!option;""", label, item));
    }

    public Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
