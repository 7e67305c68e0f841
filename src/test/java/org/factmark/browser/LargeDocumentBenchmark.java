package org.factmark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.factmark.IntegrationTest;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The large-document figures of BENCHMARKS.md: a 200,000-character document with 2,000 claims,
 * opened in headless Chromium. Not part of the test suite (timings are not assertions); run it with
 * {@code ./mvnw -Pbenchmark verify}. It prints the figures and writes them to
 * {@code target/benchmarks/large-document.md}.
 */
@IntegrationTest
class LargeDocumentBenchmark {

    private static final int TEXT_LENGTH = 200_000;
    private static final int CLAIMS = 2_000;
    private static final int RUNS = 5;
    private static final String[] TYPES = {"event", "statistic", "quote", "attribution", "causal", "prediction",
            "policy", "opinion"};

    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @LocalServerPort
    int port;

    @Test
    @WithUserDetails("alice")
    void open_a_large_document_and_add_claims_to_it() throws IOException {
        var random = new Random(20261123);
        String text = generateText(random);
        long documentId = documents.add(new NewDocument("Benchmark: 200,000 characters", text, null, null, null))
                .id();
        for (int[] span : generateSpans(random, text)) {
            claims.create(documentId, new ClaimDraft(span[0], span[1], TYPES[random.nextInt(TYPES.length)],
                    Confidence.MEDIUM, null, null, null, null));
        }

        List<Double> openMillis = new ArrayList<>();
        List<Double> addMillis = new ArrayList<>();
        WebDriver browser = Browser.start();
        try {
            var js = (JavascriptExecutor) browser;
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            var workspace = new Workspace(browser, port);
            workspace.signIn("alice");
            for (int run = 0; run < RUNS; run++) {
                browser.get("http://localhost:" + port + "/documents/" + documentId);
                wait.until(driver -> ((Number) js.executeScript(
                        "return document.querySelectorAll('fm-annotator span[data-ids]').length")).intValue() > 0
                        && ((Number) js.executeScript(
                                "return performance.getEntriesByName('fm-annotator-painted').length")).intValue() > 0);
                // Navigation start to the frame in which every highlight was painted.
                openMillis.add(((Number) js.executeScript("""
                        const painted = performance.getEntriesByName('fm-annotator-painted');
                        return painted[painted.length - 1].startTime;""")).doubleValue());
            }
            for (int run = 0; run < RUNS; run++) {
                int start = 1_000 + run * 37_000;
                int highlightsBefore = ((Number) js.executeScript(
                        "return document.querySelector('fm-annotator').highlights.length")).intValue();
                js.executeScript("performance.clearMarks()");
                workspace.selectByScript(start, start + 40);
                workspace.awaitNewClaimForm();
                new Actions(browser).sendKeys("1").sendKeys(Keys.ENTER).perform();
                wait.until(driver -> ((Number) js.executeScript(
                        "return document.querySelector('fm-annotator').highlights.length")).intValue()
                        > highlightsBefore
                        && ((Number) js.executeScript(
                                "return performance.getEntriesByName('fm-annotator-painted').length")).intValue() > 0);
                // From the moment the save's answer set the new highlights to the frame that shows them.
                addMillis.add(((Number) js.executeScript("""
                        const set = performance.getEntriesByName('fm-annotator-highlights-set');
                        const painted = performance.getEntriesByName('fm-annotator-painted');
                        return painted[painted.length - 1].startTime - set[set.length - 1].startTime;"""))
                        .doubleValue());
            }
        } finally {
            browser.quit();
        }

        String report = """
                | figure (headless Chromium, median of %d) | median | min | max |
                |---|---|---|---|
                | open a 200,000-character document with 2,000 claims: navigation start to all highlights painted | %.0f ms | %.0f ms | %.0f ms |
                | add one claim: the save's answer arriving to the new highlight painted | %.0f ms | %.0f ms | %.0f ms |
                """.formatted(RUNS, median(openMillis), min(openMillis), max(openMillis), median(addMillis),
                min(addMillis), max(addMillis));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "large-document.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(openMillis).hasSize(RUNS);
    }

    /** Words and sentences of realistic length, with a paragraph break about every 600 characters. */
    private static String generateText(Random random) {
        String[] words = {"ceasefire", "Putin", "sources", "said", "the", "talks", "Washington", "official", "would",
                "not", "engage", "Ukraine", "Kremlin", "intermediaries", "proposal", "rejected", "troops", "70,000",
                "in", "of", "and", "a", "to", "that", "reported", "Reuters", "anonymity", "discussions", "frozen",
                "lines", "territory", "aid", "Senate", "package", "$95 billion", "Moscow", "Zelensky", "war"};
        var text = new StringBuilder(TEXT_LENGTH + 100);
        int sinceParagraph = 0;
        while (text.length() < TEXT_LENGTH) {
            int sentenceWords = 8 + random.nextInt(20);
            for (int i = 0; i < sentenceWords; i++) {
                String word = words[random.nextInt(words.length)];
                text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                text.append(i == sentenceWords - 1 ? ". " : " ");
            }
            if (text.length() - sinceParagraph > 600) {
                text.append("\n\n");
                sinceParagraph = text.length();
            }
        }
        return text.substring(0, TEXT_LENGTH - 1) + ".";
    }

    /** 2,000 spans of 20 to 400 characters; about one in ten nested inside the previous one. */
    private static List<int[]> generateSpans(Random random, String text) {
        List<int[]> spans = new ArrayList<>();
        int[] previous = null;
        while (spans.size() < CLAIMS) {
            int start;
            int end;
            if (previous != null && previous[1] - previous[0] > 60 && random.nextInt(10) == 0) {
                start = previous[0] + 10 + random.nextInt(20);
                end = Math.min(previous[1] - 5, start + 20 + random.nextInt(30));
            } else {
                start = random.nextInt(text.length() - 500);
                end = start + 20 + random.nextInt(380);
            }
            if (!text.substring(start, end).isBlank() && !Character.isWhitespace(text.charAt(start))) {
                previous = new int[] {start, end};
                spans.add(previous);
            }
        }
        return spans;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
