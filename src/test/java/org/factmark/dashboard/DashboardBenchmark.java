package org.factmark.dashboard;

import java.time.ZoneOffset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.browser.Browser;
import org.factmark.browser.Workspace;
import org.factmark.dashboard.internal.DashboardRepository;
import org.factmark.dashboard.internal.DashboardRepository.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboard figures of BENCHMARKS.md: generates two years of a large desk's work
 * (src/test/resources/scale/dashboard-data.sql: 200 reviewers, 50,000 documents, 1,000,000 claims,
 * about 2,000,000 source links) and times every dashboard query on its own, for each filter, five
 * runs after one warm-up; then the team dashboard in a browser.
 * Run alone, on its own fresh database: {@code ./mvnw -Pbenchmark verify -Dit.test=DashboardBenchmark}.
 * It prints the figures and writes them to {@code target/benchmarks/dashboard.md}.
 */
@IntegrationTest
class DashboardBenchmark {

    private static final int RUNS = 5;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DashboardRepository repository;
    @Autowired
    UserDetailsService userDetails;
    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_dashboard_query_on_two_years_of_a_large_desk() throws Exception {
        long generating = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("scale/dashboard-data.sql"));
        }
        double generatedSeconds = (System.nanoTime() - generating) / 1e9;
        Map<String, Object> size = jdbc.sql("""
                        select (select count(*) from claim) as claims, (select count(*) from document) as documents,
                               (select count(*) from claim_source) as links, (select count(*) from app_user) as users,
                               (select count(*) from claim_overlap) as overlaps""")
                .query().singleRow();

        new SignedIn(userDetails).as("editor");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StatsFilter allTime = StatsFilter.period(null, null);
        StatsFilter quarter = StatsFilter.period(today.minusDays(89), today);
        String busiest = jdbc.sql("""
                        select u.username from claim c join app_user u on u.id = c.created_by
                        group by u.username order by count(*) desc limit 1""").query(String.class).single();
        Agreement agreement = dashboards.agreement(quarter);
        Agreement.Pair pair = agreement.pairs().getFirst();

        // Every query of the dashboards, one by one (the repository's methods), for each filter a
        // user may set; then the service calls that a click makes.
        long busiestId = repository.reviewer(busiest).orElseThrow().id();
        LocalDate earliest = DashboardService.EARLIEST;
        LocalDate latest = DashboardService.LATEST;
        Map<String, Scope> scopes = new LinkedHashMap<>();
        scopes.put("last 90 days", new Scope(today.minusDays(89), today, null, null, null));
        scopes.put("last 365 days", new Scope(today.minusDays(364), today, null, null, null));
        scopes.put("all time", new Scope(earliest, latest, null, null, null));
        scopes.put("all time, one outlet and type", new Scope(earliest, latest, "Outlet 01", "statistic", null));
        scopes.put("last 90 days, busiest reviewer", new Scope(today.minusDays(89), today, null, null, busiestId));
        scopes.put("all time, busiest reviewer", new Scope(earliest, latest, null, null, busiestId));
        Map<String, Supplier<?>> queries = new LinkedHashMap<>();
        scopes.forEach((name, scope) -> {
            queries.put("throughput, " + name, () -> repository.throughput(scope));
            queries.put("breakdowns, " + name, () -> repository.breakdowns(scope));
            queries.put("queue, " + name, () -> repository.queue(scope));
            queries.put("still in review, " + name, () -> repository.stillInReview(scope));
            queries.put("speed, " + name, () -> repository.speed(scope));
            queries.put("evidence (all of it), " + name, () -> repository.evidence(scope));
            queries.put("evidence: most cited sources, " + name,
                    () -> repository.mostCitedSources(scope, DashboardRepository.CANDIDATES, DashboardRepository.TOP));
            if (scope.authorId() == null) {
                queries.put("agreement, " + name, () -> repository.overlaps(scope));
            } else {
                queries.put("calibration, " + name, () -> repository.calibration(scope));
            }
        });
        queries.put("disagreements of the top pair, all time",
                () -> dashboards.disagreements(allTime, pair.reviewer(), pair.otherReviewer()));
        queries.put("claims behind a day's verified bar",
                () -> dashboards.claimsBehind(quarter, Drill.VERIFIED_ON, today.minusDays(3).toString()));
        queries.put("claims behind a type's bar, all time",
                () -> dashboards.claimsBehind(allTime, Drill.TYPE, "causal"));
        queries.put("whole team dashboard (service), last 90 days", () -> dashboards.team(quarter));
        queries.put("whole team dashboard (service), all time", () -> dashboards.team(allTime));

        var report = new StringBuilder();
        report.append("Generated ").append(size).append(" in ").append(Math.round(generatedSeconds)).append(" s\n\n");
        report.append("| query | median ms | slowest ms |\n|---|---:|---:|\n");
        for (var query : queries.entrySet()) {
            query.getValue().get();
            double[] millis = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                query.getValue().get();
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            String line = "| " + query.getKey() + " | " + Math.round(millis[RUNS / 2]) + " | "
                    + Math.round(millis[RUNS - 1]) + " |\n";
            System.out.print("DASHBOARD " + line);
            report.append(line);
        }
        Path out = Path.of("target/benchmarks/dashboard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        report.append("\n").append(renderTimes());
        System.out.println(report);
        Files.writeString(out, report);
    }

    /**
     * Time from asking for the team dashboard (signed in as the editor) to every chart drawn, in
     * headless Chromium: the server's queries, the page, ECharts and the drawing, as a user waits.
     */
    private String renderTimes() {
        WebDriver browser = Browser.start();
        try {
            var editor = new Workspace(browser, port);
            editor.signIn("editor");
            var report = new StringBuilder("| dashboard in the browser | median ms | slowest ms |\n|---|---:|---:|\n");
            for (String path : List.of("/dashboard")) {
                browser.get("http://localhost:" + port + path);
                double[] millis = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    browser.navigate().refresh();
                    new WebDriverWait(browser, Duration.ofSeconds(180)).until(driver -> (Boolean) editor.js("""
                            const charts = [...document.querySelectorAll('fm-chart')].filter(c => c.checkVisibility());
                            return document.querySelector('.figures .figure') !== null && charts.length > 0
                                && charts.every(c => c.dataset.rendered === 'true');"""));
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                report.append("| ").append(path).append(" (last 90 days) | ").append(Math.round(millis[RUNS / 2]))
                        .append(" | ").append(Math.round(millis[RUNS - 1])).append(" |\n");
            }
            return report.toString();
        } finally {
            browser.quit();
        }
    }
}
