package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Export view: every format of the API, said in words, and its filter's mistakes told at the field. */
@IntegrationTest
class ExportBrowserIT {

    @LocalServerPort
    int port;
    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_export_view_offers_csv_claimreview_and_web_annotation_each_with_what_it_is_for() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 768));
        var editor = new Workspace(browser, port);
        editor.signIn("editor");
        editor.visit("/export");

        editor.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".export-format a"), 4));
        screenshot(browser, "export");
        List<String> formats = browser.findElements(By.cssSelector(".export-format a")).stream()
                .map(WebElement::getText).toList();
        assertThat(formats).containsExactly("Claims (CSV)", "Claim–source links (CSV)",
                "schema.org ClaimReview (JSON-LD)", "W3C Web Annotation (JSON-LD)");
        assertThat(browser.findElements(By.cssSelector(".export-purpose"))).hasSize(4)
                .allSatisfy(purpose -> assertThat(purpose.getText()).hasSizeGreaterThan(40));
        assertThat(download("schema.org ClaimReview (JSON-LD)")).contains("\"ClaimReview\"");

        // Web Annotation needs a document: chosen with the keyboard, then its link works.
        assertThat(link("W3C Web Annotation (JSON-LD)").getAttribute("href")).isNull();
        WebElement document = input("vaadin-combo-box", "Document");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", document);
        document.click();
        document.sendKeys("Putin floated");
        editor.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")));
        document.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        editor.awaitServerIdle();
        editor.waiting().until(driver -> link("W3C Web Annotation (JSON-LD)").getAttribute("href") != null);
        assertThat(download("W3C Web Annotation (JSON-LD)")).contains("AnnotationCollection");
        screenshot(browser, "export-annotations");
    }

    @Test
    void an_end_date_before_the_start_date_is_told_at_the_end_field_in_plain_words() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 768));
        var editor = new Workspace(browser, port);
        editor.signIn("editor");
        editor.visit("/export");

        typeDate("Verified from", "3/10/2026");
        typeDate("Verified until", "3/1/2026");
        editor.awaitServerIdle();
        Map<?, ?> end = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript("""
                const field = [...document.querySelectorAll('vaadin-date-picker')].find(f => f.label === 'Verified until');
                return {invalid: field.invalid, error: field.querySelector('[slot=error-message]')?.textContent ?? ''};""");
        assertThat(end.get("invalid")).isEqualTo(true);
        assertThat(end.get("error")).isEqualTo("The end date lies before the start date.");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("verifiedTo").doesNotContain("verifiedFrom");
        assertThat(link("Claims (CSV)").getAttribute("href")).as("no download of a refused filter").isNull();

        typeDate("Verified until", "3/20/2026");
        editor.awaitServerIdle();
        assertThat(((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('vaadin-date-picker')].find(f => f.label === 'Verified until')
                    .invalid;""")).isEqualTo(false);
        assertThat(link("Claims (CSV)").getAttribute("href")).isNotNull();
    }

    private void typeDate(String label, String date) {
        WebElement input = input("vaadin-date-picker", label);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date, Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "review", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input of the Vaadin field of this kind with this label. */
    private WebElement input(String tag, String label) {
        return (WebElement) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll(arguments[0])].find(f => f.label === arguments[1])
                    .querySelector('input');""", tag, label);
    }

    private WebElement link(String text) {
        return browser.findElement(By.xpath("//a[normalize-space(.)='" + text + "']"));
    }

    /** What the link serves to this signed-in browser. */
    private String download(String text) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));""",
                link(text).getAttribute("href"));
    }
}
