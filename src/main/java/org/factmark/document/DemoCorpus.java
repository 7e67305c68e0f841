package org.factmark.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.factmark.common.DemoMode;
import org.factmark.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, the first start loads three outlets' versions of one wire story: the same claims
 * recur in them, reworded, and sometimes drift in meaning, which is what a fact-checking desk meets.
 */
@Component
@Order(1)
class DemoCorpus implements ApplicationRunner {

    /** One article of the demo corpus, stored verbatim from {@code demo/corpus/<file>}. */
    record Article(String file, String title, String outlet, LocalDate publishedAt) {
    }

    static final List<Article> ARTICLES = List.of(
            new Article("ceasefire-rejected-long.txt", "U.S. rejects Putin’s suggestion of Ukraine ceasefire, sources say",
                    "Long-form daily", LocalDate.of(2024, 2, 13)),
            new Article("ceasefire-rejected-brief.txt", "US Rejects Putin’s Suggestion of Ukraine Ceasefire: Report",
                    "News-brief site", LocalDate.of(2024, 2, 14)),
            new Article("ceasefire-rejected-tabloid.txt", "Putin floated a Ukraine ceasefire and the US dismissed it, report says",
                    "Tabloid", LocalDate.of(2024, 2, 13)));

    private static final Logger log = LoggerFactory.getLogger(DemoCorpus.class);
    private static final String CURATOR = "editor";

    private final DocumentService documents;
    private final UserService users;
    private final DemoMode demoMode;

    DemoCorpus(DocumentService documents, UserService users, DemoMode demoMode) {
        this.documents = documents;
        this.users = users;
        this.demoMode = demoMode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || !documents.isEmpty()) {
            return;
        }
        long curator = users.findIdByUsername(CURATOR).orElseThrow(() -> new IllegalStateException(
                "Demo mode without the demo account '" + CURATOR + "'; was the database used outside demo mode?"));
        for (Article article : ARTICLES) {
            documents.store(new NewDocument(article.title(), read(article.file()), null, article.outlet(),
                    article.publishedAt()), curator);
        }
        log.info("Demo mode: loaded {} demo articles", ARTICLES.size());
    }

    private static String read(String file) {
        try (InputStream in = new ClassPathResource("demo/corpus/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo article " + file + " is missing from the build", e);
        }
    }
}
