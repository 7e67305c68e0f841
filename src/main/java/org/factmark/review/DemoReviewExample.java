package org.factmark.review;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.common.DemoMode;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.source.NewSource;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the first start also works through the demo articles as a desk would: about a
 * dozen claims by alice and bob, sources (the rewrites cite the wire version's passages), some in
 * review, some verified or rejected by the editor, and a short discussion. It goes through the same
 * services as user input, signed in as each demo user in turn, so it obeys every rule.
 */
@Component
@Order(2)
class DemoReviewExample implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReviewExample.class);
    private static final String WIRE = "Long-form daily";
    private static final String BRIEF = "News-brief site";
    private static final String TABLOID = "Tabloid";

    private final DemoMode demoMode;
    private final UserDetailsService users;
    private final DocumentService documents;
    private final ClaimService claims;
    private final SourceService sources;
    private final ReviewService reviews;

    DemoReviewExample(DemoMode demoMode, UserDetailsService users, DocumentService documents, ClaimService claims,
            SourceService sources, ReviewService reviews) {
        this.demoMode = demoMode;
        this.users = users;
        this.documents = documents;
        this.claims = claims;
        this.sources = sources;
        this.reviews = reviews;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        try {
            signIn("editor");
            if (claims.count(new ClaimFilter(null, null, null, null, null, null)) > 0) {
                return;
            }
            Map<String, Document> byOutlet = documents.search(null, 0, 100).stream()
                    .filter(document -> document.outlet() != null)
                    .collect(Collectors.toMap(Document::outlet, Function.identity(), (first, second) -> first));
            if (!byOutlet.keySet().containsAll(List.of(WIRE, BRIEF, TABLOID))) {
                return;
            }
            workThrough(byOutlet.get(WIRE), byOutlet.get(BRIEF), byOutlet.get(TABLOID));
            log.info("Demo mode: worked through the demo articles (claims, sources, reviews, a discussion)");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void workThrough(Document wire, Document brief, Document tabloid) {
        Claim sources3 = mark("alice", wire, "three Russian sources with knowledge of the discussions told Reuters",
                "attribution", Confidence.HIGH, "Reuters");
        Claim nothing = mark("bob", wire, "The contacts with the Americans came to nothing", "quote",
                Confidence.MEDIUM, "a senior Russian source");
        Claim call = mark("alice", wire, "Mr. Sullivan told Mr. Ushakov that Washington was willing to talk about "
                + "other aspects of the relationship but would not speak about a ceasefire without Ukraine", "event",
                Confidence.MEDIUM, "one of the Russian sources");
        Claim denied = mark("bob", wire, "A U.S. source denied there had been any official contact", "attribution",
                Confidence.HIGH, "a U.S. source");
        Claim dismissed = mark("alice", brief, "A US source dismissed any official contact and said Washington would "
                + "not engage in those discussions that did not involve Ukraine.", "attribution", Confidence.HIGH,
                "a US source");
        mark("bob", brief, "Putin had sent signals to US in 2023", "event", Confidence.LOW, "the Russian sources");
        Claim existence = mark("alice", brief, "Ukraine says it is fighting a war for its existence", "opinion",
                Confidence.LOW, "Ukraine");
        Claim casualties = mark("bob", tabloid, "Ukraine has suffered around 70,000 casualties", "statistic",
                Confidence.LOW, "The Week");
        Claim troops = mark("alice", tabloid, "Russia has lost at least 120,000 troops", "statistic",
                Confidence.LOW, "The Week");
        Claim aid = mark("bob", tabloid, "a foreign aid package worth $95 billion", "statistic", Confidence.HIGH,
                null);
        Claim american = mark("alice", tabloid, "an American involved with the reported ceasefire talks denied there "
                + "had been any “official contact”", "attribution", Confidence.MEDIUM, "an American involved");
        Claim refused = mark("bob", tabloid, "Sullivan allegedly refused to speak with any of his Russian "
                + "counterparts on the matter", "attribution", Confidence.MEDIUM, null);

        cite("alice", sources3, web("https://www.reuters.com/world/", "Reuters world news", "Reuters",
                SourceKind.NEWS_REPORT), Stance.SUPPORTS, null);
        cite("bob", denied, web("https://www.whitehouse.gov/briefing-room/", "White House briefing room",
                "The White House", SourceKind.OFFICIAL_STATEMENT), Stance.SUPPORTS, "no official contact");
        cite("alice", call, web("https://www.whitehouse.gov/briefing-room/", null, null, null), Stance.CONTEXT, null);
        cite("alice", dismissed, passage(wire, denied), Stance.SUPPORTS, "denied there had been any official contact");
        cite("bob", casualties, web("https://theweek.com/", "The Week", "The Week", SourceKind.NEWS_REPORT),
                Stance.CONTEXT, "around 70,000");
        cite("bob", aid, web("https://www.senate.gov/legislative/votes_new.htm", "U.S. Senate roll call votes",
                "United States Senate", SourceKind.PRIMARY_DOCUMENT), Stance.SUPPORTS, "$95 billion");
        cite("alice", american, passage(wire, denied), Stance.SUPPORTS, null);
        cite("bob", refused, passage(wire, call), Stance.REFUTES, "Mr. Sullivan told Mr. Ushakov");

        for (Claim claim : new Claim[] {sources3, nothing, call, denied, dismissed, existence, casualties, aid,
                american, refused}) {
            send(claim);
        }
        decide(denied, ClaimStatus.VERIFIED, Rating.TRUE, "The White House said there was no official contact, "
                + "as the U.S. source told Reuters.");
        decide(dismissed, ClaimStatus.VERIFIED, Rating.MOSTLY_TRUE, "Matches the wire copy, though 'dismissed' "
                + "is stronger than the wire's 'denied'.");
        decide(aid, ClaimStatus.VERIFIED, Rating.TRUE, "The Senate passed the $95 billion foreign aid package "
                + "on 13 February 2024.");
        decide(existence, ClaimStatus.REJECTED, null, "A statement of Ukraine's position, not a checkable fact.");

        comment("bob", troops, "Which estimate is this: The Week's, or one of the official ones?");
        comment("alice", troops, "The Week's, as the article says. I'm looking for the original figure.");
        comment("editor", american, "The wire says 'a U.S. source', not someone involved in the talks: "
                + "check for drift before this goes out.");
    }

    private Claim mark(String author, Document document, String phrase, String type, Confidence confidence,
            String claimant) {
        signIn(author);
        String text = documents.text(document.id());
        int start = text.indexOf(phrase);
        if (start < 0) {
            throw new IllegalStateException("The demo article \"" + document.title() + "\" no longer contains \""
                    + phrase + "\"");
        }
        return claims.create(document.id(), new ClaimDraft(start, start + phrase.length(), type, confidence,
                claimant, null, null, phrase));
    }

    private void cite(String user, Claim claim, NewSource source, Stance stance, String excerpt) {
        signIn(user);
        sources.link(claim.id(), sources.findOrCreate(source).source().id(), stance, excerpt);
    }

    private void send(Claim claim) {
        signIn(claim.createdBy());
        reviews.sendToReview(claim.id(), claims.get(claim.id()).version());
    }

    private void decide(Claim claim, ClaimStatus decision, Rating rating, String rationale) {
        signIn("editor");
        reviews.decide(claim.id(), claims.get(claim.id()).version(), decision, rating, rationale);
    }

    private void comment(String user, Claim claim, String text) {
        signIn(user);
        reviews.comment(claim.id(), text);
    }

    private static NewSource web(String url, String title, String publisher, SourceKind kind) {
        return NewSource.web(url, title == null ? url : title, publisher, kind);
    }

    private static NewSource passage(Document document, Claim claim) {
        return new NewSource(null, document.id(), claim.id(), null, null, null, null, null, null);
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
