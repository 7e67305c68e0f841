package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An address that leads nowhere: the app's own page once signed in, the sign-in page before. */
@IntegrationTest
class NotFoundBrowserIT {

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
    void a_signed_in_reviewer_gets_the_apps_not_found_page_for_any_unknown_address() {
        browser = Browser.start();
        var alice = new Workspace(browser, port);
        alice.signIn("alice");
        for (String address : new String[] {"/nothing-here", "/documents/999999", "/revieww", "/admin/users",
                "/documents/1/extra"}) {
            alice.visit(address);
            alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//h2[normalize-space(.)='Not found']")));
            assertThat(browser.getTitle()).as(address).isEqualTo("Not found · Factmark");
            assertThat(browser.findElement(By.tagName("body")).getText()).as(address)
                    .contains("There is nothing at this address", "Back to the documents")
                    .doesNotContain("403").doesNotContain("route");
        }
        browser.findElement(By.linkText("Back to the documents")).click();
        alice.waiting().until(ExpectedConditions.urlMatches(".*/$"));
    }

    @Test
    void an_anonymous_visitor_is_asked_to_sign_in_whether_or_not_the_address_exists() {
        browser = Browser.start();
        var visitor = new Workspace(browser, port);
        for (String address : new String[] {"/nothing-here", "/review"}) {
            visitor.visit(address);
            visitor.waiting().until(ExpectedConditions.urlContains("/login"));
            // The address changes before the sign-in page has drawn its form.
            visitor.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
        }
    }

    @Test
    void the_api_still_answers_an_unknown_address_with_a_problem_detail() {
        var response = new HttpApi(port).get("/api/nothing-here", "alice", "demo");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }
}
