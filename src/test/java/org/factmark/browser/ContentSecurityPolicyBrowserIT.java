package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Vaadin, the annotator and ECharts run under the Content-Security-Policy without one violation. */
@IntegrationTest
class ContentSecurityPolicyBrowserIT {

    @LocalServerPort
    int port;
    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void assertNoViolations(String page) {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as(page).map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void login_document_list_workspace_and_dashboard_work_under_the_policy() {
        browser = Browser.start();
        var editor = new Workspace(browser, port);

        editor.signIn("editor");
        editor.waiting().until(driver -> !driver.findElements(By.cssSelector("vaadin-grid")).isEmpty());
        assertNoViolations("login and document list");

        editor.open(1);
        assertNoViolations("workspace with the annotator");

        browser.get("http://localhost:" + port + "/dashboard");
        editor.waiting().until(driver -> driver.findElements(By.cssSelector("fm-chart[data-rendered] svg")).size() > 3);
        assertNoViolations("dashboard with ECharts");
    }
}
