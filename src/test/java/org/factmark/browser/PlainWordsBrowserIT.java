package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.review.AssignmentState;
import org.factmark.security.Role;
import org.factmark.source.SourceKind;
import org.factmark.source.Stance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every view speaks in words: no enum constant or stored code reaches the screen, and people have one name. */
@IntegrationTest
class PlainWordsBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every constant a stored value can take, and the history's and inbox's event codes. */
    private static final Pattern RAW = Pattern.compile("\\b(" + Stream.of(
            Stream.of(ClaimStatus.values(), Rating.values(), Confidence.values(), Stance.values(),
                    SourceKind.values(), AssignmentState.values(), Role.values())
                    .flatMap(Stream::of).map(Enum::name),
            Stream.of("CLAIM_CREATED", "CLAIM_EDITED", "CLAIM_DELETED", "SOURCE_LINKED", "SOURCE_UNLINKED",
                    "COMMENTED", "SENT_TO_REVIEW", "REOPENED"))
            .flatMap(s -> s).distinct().collect(Collectors.joining("|")) + ")\\b");
    /** All text in the page, inside components' shadow roots too (a chip or a checkbox label lives there). */
    private static final String ALL_TEXT = """
            const parts = [];
            const walk = node => {
              if (node.nodeType === Node.TEXT_NODE) { parts.push(node.textContent); return; }
              if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
              if (node.nodeType === Node.ELEMENT_NODE && ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
              if (node.shadowRoot) walk(node.shadowRoot);
              if (node.nodeType === Node.ELEMENT_NODE && node.value && typeof node.value === 'string') parts.push(node.value);
              for (const child of node.childNodes) walk(child);
            };
            walk(document.body);
            return parts.join(' ');""";

    @LocalServerPort
    int port;
    WebDriver browser;
    Workspace admin;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void no_view_or_dialog_shows_a_raw_enum_constant_and_people_are_named_by_their_display_names() {
        JsonNode rejected = JSON.readTree(new HttpApi(port).get("/api/claims?status=REJECTED", "admin", "demo")
                .body()).get("content").get(0);
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 768));
        admin = new Workspace(browser, port);
        admin.signIn("admin");
        List<String> found = new ArrayList<>();

        for (String view : List.of("/", "/documents/new", "/sources", "/review", "/my-work", "/inbox",
                "/assignments", "/export", "/dashboard", "/my-record", "/admin/users", "/admin/claim-types",
                "/admin/review")) {
            admin.visit(view);
            found.addAll(raw(view));
        }

        // The demo's rejected claim, open in its document, with its history unfolded.
        admin.visit("/documents/" + rejected.get("documentId").asLong() + "?claim=" + rejected.get("id").asLong());
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".review-section")));
        browser.findElement(By.xpath("//vaadin-details-summary[starts-with(normalize-space(.), 'History')]")).click();
        admin.waiting().until(driver -> allText().contains("created the claim"));
        found.addAll(raw("a claim with its history"));
        String workspace = allText();
        assertThat(workspace).as("the author by name").contains("by Alice Reviewer").doesNotContain("by alice");
        assertThat(workspace).as("the decider by name").containsPattern("Rejected by Eddie Editor|Rejected by Ada Admin");

        // A dialog with a choice of an enum: the roles of an account.
        admin.visit("/admin/users");
        WebElement edit = admin.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='Edit']")));
        edit.click();
        admin.waiting().until(driver -> allText().contains("May sign in"));
        found.addAll(raw("the Edit user dialog"));
        assertThat(allText()).contains("Reviewer").contains("Editor");

        assertThat(found).as("raw constants on screen").isEmpty();
    }

    private List<String> raw(String where) {
        List<String> hits = new ArrayList<>();
        Matcher matcher = RAW.matcher(allText());
        while (matcher.find()) {
            hits.add(where + ": " + matcher.group());
        }
        return hits;
    }

    private String allText() {
        admin.awaitServerIdle();
        return (String) admin.js(ALL_TEXT);
    }
}
