package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The editor reads the team's figures from ECharts charts and clicks through to the claims behind a bar. */
@IntegrationTest
class DashboardBrowserIT {

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
    void the_editor_clicks_a_bar_of_the_type_chart_and_opens_a_claim_behind_it() {
        browser = Browser.start();
        var editor = new Workspace(browser, port);
        editor.signIn("editor");
        browser.get("http://localhost:" + port + "/dashboard");
        WebElement byType = editor.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//h3[.='By type']/following-sibling::fm-chart")));
        editor.waiting().until(driver -> "true".equals(byType.getDomAttribute("data-rendered")));
        assertThat(browser.findElements(By.cssSelector("fm-chart[data-rendered] svg"))).hasSizeGreaterThan(3);

        // Into the middle of the first bar, where ECharts puts it.
        @SuppressWarnings("unchecked")
        Map<String, Number> bar = (Map<String, Number>) editor.js("""
                const el = arguments[0];
                el.scrollIntoView({block: 'center'});
                const chart = echarts.getInstanceByDom(el);
                const value = chart.getOption().series[0].data[0].value;
                const [x, y] = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [0, value / 2]);
                return {x: x - el.clientWidth / 2, y: y - el.clientHeight / 2};""", byType);
        new Actions(browser).moveToElement(byType, bar.get("x").intValue(), bar.get("y").intValue()).click().perform();

        // The first row's first cell: the grid's body cells, not its header.
        WebElement firstClaim = editor.waiting().until(driver -> (WebElement) editor.js("""
                const grid = document.querySelector('vaadin-dialog vaadin-grid');
                if (!grid) return null;
                const slots = [...grid.shadowRoot.querySelectorAll('tbody [part~="cell"] slot')];
                return slots.map(slot => slot.assignedElements()[0]).find(cell => cell && cell.textContent.trim()) || null;"""));
        assertThat((String) editor.js("return document.querySelector('vaadin-dialog').headerTitle;"))
                .startsWith("Claims of type");
        firstClaim.click();

        editor.waiting().until(ExpectedConditions.urlMatches(".*/documents/\\d+\\?claim=\\d+"));
        editor.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".claim-editor-quote")));
    }
}
