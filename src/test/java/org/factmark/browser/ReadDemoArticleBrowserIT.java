package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What only a real browser shows: signing in, the document list, and an article's text on screen. */
@IntegrationTest
class ReadDemoArticleBrowserIT {

    private static final String LONG_FORM_TITLE = "U.S. rejects Putin’s suggestion of Ukraine ceasefire, sources say";

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void alice_signs_in_opens_a_demo_article_and_reads_its_text() {
        browser.get("http://localhost:" + port + "/");

        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys("alice");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        // Other tests' documents are newer than the demo's (dated weeks back): find it as a reader of a long list would.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field input")))
                .sendKeys("Putin’s suggestion");
        By article = By.xpath("//vaadin-grid-cell-content[normalize-space(.)=\"" + LONG_FORM_TITLE + "\"]");
        // The list filters a moment after typing stops: the article then sits among the first rows.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(article).stream().anyMatch(row -> row.isDisplayed()
                && row.getRect().getY() < 400));
        wait.until(ExpectedConditions.elementToBeClickable(article)).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("fm-annotator span[data-start]")));
        WebElement text = browser.findElement(By.tagName("fm-annotator"));
        assertThat(browser.getCurrentUrl()).matches(".*/documents/\\d+");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo(LONG_FORM_TITLE);
        assertThat(text.getText()).contains("three Russian sources with knowledge of the discussions told Reuters");
        // Exactly the stored text is on the page, as text.
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "const el = arguments[0]; return el.textContent === el.text && el.text.length > 5000;", text))
                .isTrue();
        // Paragraphs survive: the two blank lines before "Russian President" take up their height.
        double linesBetween = ((Number) ((JavascriptExecutor) browser).executeScript("""
                const el = arguments[0];
                const top = (phrase) => el.rangeFor(el.text.indexOf(phrase), el.text.indexOf(phrase) + 1)
                    .getBoundingClientRect();
                const before = top('sources say\\n\\n\\nRussian'), after = top('Russian President Vladimir');
                return (after.top - before.top) / before.height;""", text)).doubleValue();
        assertThat(linesBetween).isGreaterThan(2.5);
    }
}
