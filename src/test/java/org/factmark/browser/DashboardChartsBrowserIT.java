package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.security.Role;
import org.factmark.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboards as a desk reads them, at 1366x768 and on a 390x844 phone: a period that fits the
 * work, charts whose labels are whole and that fit the screen, period fields that say what is wrong
 * at the field, agreement figures that explain themselves, and no codes where words belong.
 */
@IntegrationTest
class DashboardChartsBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String TEXT = "Prices rose 9 percent in May. The minister said it was temporary. "
            + "Ten banks failed in June.";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    Workspace desk;
    String run = Long.toString(System.nanoTime(), 36);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        desk = new Workspace(browser, port);
        viewport(1366, 768);
    }

    @AfterEach
    void closeBrowser() {
        SecurityContextHolder.clearContext();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_reviewer_whose_work_began_days_ago_sees_it_spread_over_the_chart_not_in_its_last_pixel() {
        String reviewer = reviewer("fresh");
        long document = document("Fresh desk " + run);
        Claim early = mark(reviewer, document, "Prices rose 9 percent in May.", "statistic");
        mark(reviewer, document, "Ten banks failed in June.", "event");
        jdbc.sql("update claim set created_at = created_at - interval '4 days' where id = :id")
                .param("id", early.id()).update();

        signIn(reviewer);
        desk.visit("/my-record");
        WebElement activity = renderedChart("Activity");
        screenshot("my-record-1366");

        assertThat(fieldValue("From")).isEqualTo(today.minusDays(6).toString());
        assertThat(fieldValue("To")).isEqualTo(today.toString());
        @SuppressWarnings("unchecked")
        Map<String, Number> first = (Map<String, Number>) desk.js("""
                const chart = echarts.getInstanceByDom(arguments[0]);
                const created = chart.getOption().series.find(s => s.name === 'Created').data;
                const index = created.findIndex(value => value > 0);
                const [x] = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [index, created[index]]);
                return {index, x, width: arguments[0].clientWidth};""", activity);
        assertThat(first.get("index").intValue()).isEqualTo(2);
        assertThat(first.get("x").doubleValue()).isLessThan(first.get("width").doubleValue() / 2);
    }

    @Test
    void the_period_fields_say_at_the_field_in_words_what_is_wrong_and_the_figures_stay() {
        desk.signIn("editor");
        desk.visit("/dashboard");
        renderedChart("By type");
        String created = headline();
        String from = fieldValue("From");

        retype("To", today.minusYears(1).toString());
        assertThat(errorOf("To")).isEqualTo("The period starts on " + from + "; end it on that day or later.");
        assertThat(errorOf("From")).isNull();
        retype("From", "next tuesday");
        assertThat(errorOf("From")).isEqualTo("Enter a day as year-month-day, e.g. " + today
                + ", or leave the field empty.");
        screenshot("dashboard-period-errors-1366");
        assertThat(browser.findElements(By.cssSelector("vaadin-notification-card"))).isEmpty();
        assertThat(headline()).isEqualTo(created);

        retype("From", today.minusYears(2).toString());
        assertThat(errorOf("From")).isNull();
        assertThat(errorOf("To")).isNull();
        retype("To", today.minusYears(3).toString());
        assertThat(errorOf("To")).isEqualTo("The period starts on " + today.minusYears(2)
                + "; end it on that day or later.");
        retype("To", "");
        assertThat(errorOf("To")).isNull();
        assertThat(browser.findElements(By.cssSelector("vaadin-notification-card"))).isEmpty();
    }

    @Test
    void every_chart_shows_its_labels_whole_and_fits_the_screen_on_a_desk_and_on_a_phone() {
        desk.signIn("editor");
        desk.visit("/dashboard");
        renderedChart("By type");
        screenshot("dashboard-1366");
        assertThat(chartsOffScreenOrWithClippedLabels()).isEmpty();

        viewport(390, 844);
        desk.waiting().until(driver -> chartsOffScreenOrWithClippedLabels().isEmpty());
        screenshot("dashboard-390");

        browser.manage().deleteAllCookies();
        desk.signIn("alice");
        desk.visit("/my-record");
        renderedChart("Calibration");
        assertThat(chartsOffScreenOrWithClippedLabels()).isEmpty();
        screenshot("my-record-390");
    }

    @Test
    void kappa_and_alpha_say_why_they_cannot_be_computed_and_what_they_mean_when_they_can() {
        String ann = reviewer("ann");
        String ben = reviewer("ben");
        String outlet = "Agreement outlet " + run;
        long document = documents(outlet);
        mark(ann, document, "Prices rose 9 percent in May.", "statistic");
        mark(ben, document, "Prices rose 9 percent", "statistic");

        desk.signIn("editor");
        desk.visit("/dashboard");
        retype("From", "2001-01-01");
        retype("To", "2001-01-31");
        assertThat(alpha()).startsWith("Krippendorff's α, the team's agreement on claim types, cannot be computed "
                + "for this period: it needs passages that two reviewers both marked, and there are none yet.");

        retype("From", today.toString());
        retype("To", "");
        retype("Outlet", outlet);
        desk.waiting().until(driver -> alpha().contains("in all 1 overlapping pair of claims both reviewers chose "
                + "one and the same type"));
        assertThat(desk.js("return document.querySelector('.dashboard').innerText")).asString()
                .contains("cannot be computed: one type only")
                .contains("Cohen's κ compares one pair of reviewers the same way");
        screenshot("dashboard-agreement-1366");

        mark(ann, document, "The minister said it was temporary.", "quote");
        mark(ben, document, "The minister said", "attribution");
        retype("To", today.toString());
        desk.waiting().until(driver -> alpha().startsWith("Krippendorff's α over 2 overlapping pairs of claims: "));
        assertThat(alpha()).contains("1 is full agreement, 0 no better than chance")
                .contains("With fewer than 10 pairs, take it as a first impression.");
    }

    @Test
    void the_dashboards_and_the_claims_behind_a_bar_name_statuses_ratings_and_types_in_words() {
        desk.signIn("editor");
        desk.visit("/dashboard");
        WebElement funnel = renderedChart("Verification funnel");
        retype("From", "");
        desk.waiting().until(driver -> "true".equals(funnel.getDomAttribute("data-rendered")));

        assertThat(codesIn("document.querySelector('.dashboard')")).isEmpty();
        // Into the middle of the "In review" bar (the funnel's bars lie sideways).
        @SuppressWarnings("unchecked")
        Map<String, Number> bar = (Map<String, Number>) desk.js("""
                const el = arguments[0];
                el.scrollIntoView({block: 'center'});
                const chart = echarts.getInstanceByDom(el);
                const value = chart.getOption().series[0].data[1].value;
                const [x, y] = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [value / 2, 1]);
                return {x: x - el.clientWidth / 2, y: y - el.clientHeight / 2};""", funnel);
        new Actions(browser).moveToElement(funnel, bar.get("x").intValue(), bar.get("y").intValue()).click().perform();

        desk.waiting().until(driver -> (Boolean) desk.js("""
                const grid = document.querySelector('vaadin-dialog-overlay vaadin-grid, vaadin-dialog vaadin-grid');
                return !!grid && [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .some(cell => cell.textContent.trim() === 'In review');"""));
        screenshot("dashboard-claims-behind-1366");
        assertThat(codesIn("document.querySelector('vaadin-dialog vaadin-grid, vaadin-dialog-overlay vaadin-grid')"))
                .isEmpty();
    }

    // --- what the test arranges through the services

    private String reviewer(String name) {
        new SignedIn(userDetails).as("admin");
        return users.create(name + "-" + run, name + " " + run, PASSWORD, Set.of(Role.REVIEWER)).username();
    }

    private long document(String title) {
        new SignedIn(userDetails).as("admin");
        return documents.add(new NewDocument(title, TEXT, null, null, null)).id();
    }

    private long documents(String outlet) {
        new SignedIn(userDetails).as("admin");
        return documents.add(new NewDocument("Agreement " + run, TEXT, null, outlet, null)).id();
    }

    private Claim mark(String author, long document, String quote, String type) {
        new SignedIn(userDetails).as(author);
        int start = TEXT.indexOf(quote);
        return claims.create(document, new ClaimDraft(start, start + quote.length(), type, Confidence.MEDIUM, null,
                null, null, null));
    }

    // --- what the browser shows

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        desk.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        desk.waiting().until(ExpectedConditions.urlMatches(".*/$"));
    }

    private WebElement renderedChart(String title) {
        WebElement chart = desk.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//h3[.='" + title + "']/following-sibling::fm-chart")));
        desk.waiting().until(driver -> "true".equals(chart.getDomAttribute("data-rendered")));
        return chart;
    }

    private WebElement input(String label) {
        return desk.waiting().until(driver -> (WebElement) desk.js("""
                const field = [...document.querySelectorAll('vaadin-date-picker, vaadin-combo-box')]
                    .find(f => f.label === arguments[0] && f.getClientRects().length > 0);
                return field ? field.querySelector('input') : null;""", label));
    }

    /** Clicks into the field, selects what it holds, types {@code text} over it, commits it with Enter and leaves. */
    private void retype(String label, String text) {
        WebElement input = input(label);
        new Actions(browser).click(input).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(Keys.BACK_SPACE).perform();
        if (!text.isEmpty()) {
            new Actions(browser).sendKeys(text).perform();
        }
        desk.awaitServerIdle();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        desk.awaitServerIdle();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        desk.awaitServerIdle();
    }

    private String fieldValue(String label) {
        return input(label).getDomProperty("value");
    }

    /** The error message shown at the field, or null while it is valid. */
    private String errorOf(String label) {
        return (String) desk.js("""
                const field = [...document.querySelectorAll('vaadin-date-picker')].find(f => f.label === arguments[0]);
                return field.invalid ? field.querySelector('[slot="error-message"]').textContent : null;""", label);
    }

    private String headline() {
        return (String) desk.js("return document.querySelector('.figures').innerText");
    }

    private String alpha() {
        return (String) desk.js("""
                return [...document.querySelectorAll('.dashboard p')]
                    .map(p => p.textContent).find(text => text.startsWith("Krippendorff")) || '';""");
    }

    /**
     * Raw statuses, ratings and confidence levels anywhere in the text under {@code root} (charts
     * included), and type codes as the whole text of a grid cell or a chart's label.
     */
    @SuppressWarnings("unchecked")
    private List<String> codesIn(String root) {
        return (List<String>) desk.js("""
                const root = %s;
                const codes = root.textContent.match(
                    /\\b(OPEN|IN_REVIEW|VERIFIED|REJECTED|MOSTLY_TRUE|TRUE|MIXED|MISLEADING|FALSE|UNPROVEN|LOW|MEDIUM|HIGH)\\b/g) || [];
                const types = ['attribution', 'statistic', 'quote', 'event', 'opinion', 'causal', 'prediction', 'policy'];
                for (const el of root.querySelectorAll('vaadin-grid-cell-content, svg text')) {
                  if (types.includes(el.textContent.trim())) codes.push(el.textContent.trim());
                }
                return codes;""".formatted(root));
    }

    /**
     * Charts that stick out of the window or out of their element, or whose texts (axis labels,
     * legends) run out of the chart or overlap each other: what a reader would see cut off.
     */
    @SuppressWarnings("unchecked")
    private List<String> chartsOffScreenOrWithClippedLabels() {
        return (List<String>) desk.js("""
                const problems = [];
                for (const chart of document.querySelectorAll('fm-chart[data-rendered]')) {
                  if (!chart.getClientRects().length) continue;
                  const title = chart.parentElement.querySelector('h3').textContent;
                  const box = chart.getBoundingClientRect();
                  const svg = chart.querySelector('svg');
                  if (box.left < 0 || box.right > document.documentElement.clientWidth + 0.5) problems.push(title + ': off screen');
                  if (svg.getBoundingClientRect().width > box.width + 0.5) problems.push(title + ': wider than its box');
                  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
                    .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}));
                  for (const t of texts) {
                    if (t.r.left < box.left - 0.5 || t.r.right > box.right + 0.5 || t.r.top < box.top - 0.5
                        || t.r.bottom > box.bottom + 0.5) problems.push(title + ': "' + t.text + '" cut off');
                  }
                  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
                    const a = texts[i].r, b = texts[j].r;
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                      problems.push(title + ': "' + texts[i].text + '" overlaps "' + texts[j].text + '"');
                    }
                  }
                }
                return problems;""");
    }

    /** The page's viewport in CSS pixels, as on that screen (a phone's reports itself as mobile). */
    private void viewport(int width, int height) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        desk.waiting().until(driver -> ((Number) desk.js("return innerWidth")).intValue() == width);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("dashboards-" + name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
