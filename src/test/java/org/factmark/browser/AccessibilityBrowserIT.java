package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * axe-core (the npm package, as bundled for Selenium) checks every view and every dialog against
 * WCAG 2.0, 2.1 and 2.2 at levels A and AA, on a laptop (1366x768) and on a phone (390x844). A
 * new view or dialog gets one line in {@link #screens()}; a failure lists every violation with its
 * rule, impact, element and help page, and a screenshot of each screen is left in
 * {@code target/accessibility/}.
 */
@IntegrationTest
class AccessibilityBrowserIT {

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** axe-core's own script, as the npm package ships it (com.deque.html.axe-core:selenium bundles it). */
    private static final String AXE = axeScript();
    private static final Path SCREENSHOTS = Path.of("target", "accessibility");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = """
            WASHINGTON: The United States has rejected a proposal by Russian President Vladimir Putin.

            A US source dismissed any official contact and said Washington would not engage in those \
            discussions. Three Russian sources said 70,000 troops had been lost.
            """;
    private static final String OPEN_CLAIM = "A US source dismissed any official contact";
    private static final String CLAIM_IN_REVIEW = "Three Russian sources said 70,000 troops had been lost.";
    private static final String SELECTED = "The United States has rejected a proposal";

    /** A size the issue names; the phone is emulated as a touch device, as Chromium's device mode does. */
    private record Size(String name, int width, int height, boolean mobile) {
    }

    private static final List<Size> SIZES = List.of(new Size("laptop", 1366, 768, false),
            new Size("phone", 390, 844, true));

    /** One screen to check: its name in the report, who looks at it (null: nobody signed in), and how to open it. */
    private record Screen(String name, String user, Consumer<Workspace> open) {
    }

    /**
     * A rule that axe gets wrong on exactly one element, with the reason. Only for true false
     * positives (e.g. of Vaadin's shadow DOM); never to hide a real problem. {@code target} as the
     * report prints it, e.g. {@code [".presence-bar"]}. Empty today.
     */
    private record FalsePositive(String rule, String target, String why) {
    }

    private static final List<FalsePositive> FALSE_POSITIVES = List.of();

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;

    /** Numbers bob's changes: the same note twice would change nothing, and no conflict would arise. */
    private int bobsChanges;
    ChromeDriver browser;
    Workspace workspace;
    HttpApi api;
    String signedIn;
    long documentId;
    long openClaim;
    long claimInReview;

    /** An address whose view fails to open, to see the error page as a user would after a bug. */
    @AnonymousAllowed
    public static class FailingView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("AccessibilityBrowserIT opens the error page on purpose");
        }
    }

    @BeforeEach
    void start() {
        api = new HttpApi(port);
        documentId = JSON.readTree(api.postJson("/api/documents", JsonNodeFactory.instance.objectNode()
                .put("title", "Accessibility check").put("text", STORY).toString(), "alice", "demo").body())
                .get("id").asLong();
        openClaim = addClaim(OPEN_CLAIM);
        claimInReview = addClaim(CLAIM_IN_REVIEW);
        api.send("PATCH", "/api/claims/" + claimInReview, "{\"status\":\"IN_REVIEW\"}", "alice", "demo",
                "If-Match", "\"" + claim(claimInReview).get("version").asInt() + "\"");
        routes().setRoute("accessibility-check/failing-view", FailingView.class);
        browser = Browser.start();
        workspace = new Workspace(browser, port);
    }

    @AfterEach
    void stop() {
        routes().removeRoute("accessibility-check/failing-view");
        if (browser != null) {
            browser.quit();
        }
    }

    private RouteConfiguration routes() {
        return RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(servletContext)));
    }

    private long addClaim(String quote) {
        int start = STORY.indexOf(quote);
        var body = JsonNodeFactory.instance.objectNode().put("start", start).put("end", start + quote.length())
                .put("type", "statistic").put("confidence", "MEDIUM");
        return JSON.readTree(api.postJson("/api/documents/" + documentId + "/claims", body.toString(), "alice", "demo")
                .body()).get("id").asLong();
    }

    private JsonNode claim(long id) {
        return JSON.readTree(api.get("/api/claims/" + id, "alice", "demo").body());
    }

    /** Every view and dialog, in the order a user might meet them. */
    private List<Screen> screens() {
        String workspaceWithClaim = "/documents/" + documentId + "?claim=" + openClaim;
        String workspaceWithClaimInReview = "/documents/" + documentId + "?claim=" + claimInReview;
        return List.of(
                new Screen("login page", null, w -> w.visit("/login")),
                new Screen("document list", "alice", w -> w.visit("/")),
                new Screen("add document", "alice", w -> w.visit("/documents/new")),
                new Screen("workspace", "alice", w -> w.open(documentId)),
                new Screen("workspace, a claim open", "alice", w -> openClaim(w, workspaceWithClaim)),
                new Screen("workspace, new-claim form", "alice", w -> {
                    w.open(documentId);
                    int start = STORY.indexOf(SELECTED);
                    w.dragOver(start, start + SELECTED.length());
                    w.awaitNewClaimForm();
                }),
                dialog("shortcuts dialog", "alice", w -> w.open(documentId), "Keyboard shortcuts (?)"),
                dialog("delete-claim confirmation", "alice", w -> openClaim(w, workspaceWithClaim), "Delete"),
                new Screen("conflict dialog", "alice", w -> {
                    openClaim(w, workspaceWithClaim);
                    api.send("PATCH", "/api/claims/" + openClaim, "{\"note\":\"Bob's change " + ++bobsChanges
                            + "\"}", "bob", "demo", "If-Match", "\"" + claim(openClaim).get("version").asInt() + "\"");
                    w.typeInto("Note", "Changed by alice");
                    w.clickButton("Save changes");
                    awaitDialog(w);
                }),
                new Screen("sources", "alice", w -> w.visit("/sources")),
                new Screen("review queue", "alice", w -> w.visit("/review")),
                new Screen("inbox", "alice", w -> w.visit("/inbox")),
                new Screen("my work", "alice", w -> w.visit("/my-work")),
                new Screen("reviewer dashboard", "alice", w -> awaitCharts(w, "/my-record")),
                claimsBehindABar("reviewer dashboard, claims behind a bar", "alice", "/my-record"),
                new Screen("export", "alice", w -> w.visit("/export")),
                new Screen("not found page", "alice", w -> w.visit("/documents/999999999")),
                new Screen("error page", "alice", w -> w.visit("/accessibility-check/failing-view")),
                dialog("verify dialog", "editor", w -> openClaim(w, workspaceWithClaimInReview), "Verify…"),
                dialog("reject dialog", "editor", w -> openClaim(w, workspaceWithClaimInReview), "Reject…"),
                new Screen("assignments", "editor", w -> w.visit("/assignments")),
                new Screen("team dashboard", "editor", w -> awaitCharts(w, "/dashboard")),
                claimsBehindABar("team dashboard, claims behind a bar", "editor", "/dashboard"),
                new Screen("review settings", "admin", w -> w.visit("/admin/review")),
                new Screen("user admin", "admin", w -> w.visit("/admin/users")),
                dialog("user admin, add user", "admin", w -> w.visit("/admin/users"), "Add user"),
                dialog("user admin, edit user", "admin", w -> w.visit("/admin/users"), "Edit"),
                dialog("user admin, reset password", "admin", w -> w.visit("/admin/users"), "Reset password"),
                new Screen("claim type admin", "admin", w -> w.visit("/admin/claim-types")),
                dialog("claim type admin, add type", "admin", w -> w.visit("/admin/claim-types"), "Add type"),
                dialog("claim type admin, edit type", "admin", w -> w.visit("/admin/claim-types"), "Edit"),
                dialog("claim type admin, delete confirmation", "admin", w -> w.visit("/admin/claim-types"), "Delete"));
    }

    /** A dialog that a button opens on a screen. */
    private static Screen dialog(String name, String user, Consumer<Workspace> screen, String button) {
        return new Screen(name, user, w -> {
            screen.accept(w);
            w.clickButton(button);
            awaitDialog(w);
        });
    }

    /** The claims behind the first bar of a dashboard's charts, as a click on it lists them. */
    private Screen claimsBehindABar(String name, String user, String dashboard) {
        return new Screen(name, user, w -> {
            awaitCharts(w, dashboard);
            clickFirstBar(w);
            awaitDialog(w);
        });
    }

    @Test
    void every_view_and_dialog_has_no_wcag_2_2_a_or_aa_violation_on_a_laptop_and_on_a_phone() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<String> problems = new ArrayList<>();
        for (Size size : SIZES) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width(),
                    "height", size.height(), "deviceScaleFactor", 1, "mobile", size.mobile()));
            for (Screen screen : screens()) {
                String where = screen.name() + " at " + size.width() + "x" + size.height();
                try {
                    signInAs(screen.user());
                    screen.open().accept(workspace);
                    workspace.awaitServerIdle();
                } catch (RuntimeException e) {
                    problems.add(where + ": could not be opened (" + e.getClass().getSimpleName() + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
                    continue;
                }
                screenshot(size.name() + "-" + screen.name().replaceAll("\\W+", "-"));
                for (JsonNode rule : violations()) {
                    problems.addAll(describe(where, rule));
                }
            }
        }
        assertThat(problems).as("WCAG 2.2 A/AA violations found by axe-core (screenshots in %s)",
                SCREENSHOTS.toAbsolutePath()).isEmpty();
    }

    /**
     * Runs axe-core on the page as it is now (open dialogs included; it reads open shadow roots) and
     * returns its violations. Only violations are collected: passes would cost seconds per page.
     */
    private JsonNode violations() {
        if (!(Boolean) workspace.js("return typeof window.axe === 'object';")) {
            workspace.js(AXE);
        }
        String json = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(results => done(JSON.stringify(results.violations)), error => done(String(error)));""",
                WCAG_A_AND_AA);
        return JSON.readTree(json);
    }

    /** One line per element: where, the rule, how bad, which element, why, and where axe explains the rule. */
    private static List<String> describe(String where, JsonNode rule) {
        List<String> lines = new ArrayList<>();
        String id = rule.get("id").asString();
        for (JsonNode node : rule.get("nodes")) {
            String target = node.get("target").toString();
            boolean falsePositive = FALSE_POSITIVES.stream()
                    .anyMatch(known -> known.rule().equals(id) && known.target().equals(target));
            if (!falsePositive) {
                lines.add("%s: %s (%s) at %s: %s %s | %s".formatted(where, id, node.get("impact").asString(), target,
                        rule.get("help").asString(), rule.get("helpUrl").asString(),
                        node.get("failureSummary").asString().replace('\n', ' ')));
            }
        }
        return lines;
    }

    private void signInAs(String user) {
        if (user == null ? signedIn == null : user.equals(signedIn)) {
            return;
        }
        browser.manage().deleteAllCookies();
        signedIn = null;
        if (user != null) {
            workspace.signIn(user);
            signedIn = user;
        }
    }

    private static void openClaim(Workspace w, String path) {
        w.visit(path);
        w.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".claim-editor-quote")));
    }

    private static void awaitDialog(Workspace w) {
        w.waiting().until(driver -> (Boolean) w.js("""
                const overlay = document.querySelector('vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]')
                    || [...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')].find(d => d.opened);
                return !!overlay && !overlay.hasAttribute('opening');"""));
    }

    private static void awaitCharts(Workspace w, String path) {
        w.visit(path);
        w.waiting().until(driver -> !driver.findElements(By.cssSelector("fm-chart[data-rendered]")).isEmpty());
    }

    /** Clicks the middle of the first bar drawn on the page, as a mouse would. */
    private void clickFirstBar(Workspace w) {
        w.waiting().until(driver -> {
            for (WebElement chart : driver.findElements(By.cssSelector("fm-chart[data-rendered]"))) {
                @SuppressWarnings("unchecked")
                Map<String, Number> bar = (Map<String, Number>) w.js("""
                        const el = arguments[0];
                        const chart = echarts.getInstanceByDom(el);
                        for (const series of chart.getModel().getSeries().filter(s => s.subType === 'bar')) {
                          const data = series.getData();
                          for (let i = 0; i < data.count(); i++) {
                            const r = data.getItemLayout(i);
                            if (r && Math.abs(r.width) > 3 && Math.abs(r.height) > 3) {
                              el.scrollIntoView({block: 'center'});
                              return {x: r.x + r.width / 2 - el.clientWidth / 2, y: r.y + r.height / 2 - el.clientHeight / 2};
                            }
                          }
                        }
                        return null;""", chart);
                if (bar != null) {
                    new Actions(browser).moveToElement(chart, bar.get("x").intValue(), bar.get("y").intValue())
                            .click().perform();
                    return true;
                }
            }
            return false;
        });
    }

    private static String axeScript() {
        try (InputStream script = AccessibilityBrowserIT.class.getResourceAsStream("/axe.min.js")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
