package org.factmark.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.factmark.review.internal.DemoTimelineRepository;
import org.factmark.review.internal.DemoTimelineRepository.Timeline;
import org.factmark.source.NewSource;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the first start also works through the demo articles as a desk would: about a
 * dozen claims by alice and bob, sources (the rewrites cite the wire version's passages), some in
 * review, some verified or rejected by the editor, and a short discussion, spread over the last five
 * weeks as a desk's work is. It goes through the same services as user input, signed in as each demo
 * user in turn, so it obeys every rule; then its timeline moves each step back to its day.
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
    private final DemoTimelineRepository past;

    DemoReviewExample(DemoMode demoMode, UserDetailsService users, DocumentService documents, ClaimService claims,
            SourceService sources, ReviewService reviews, DemoTimelineRepository past) {
        this.demoMode = demoMode;
        this.users = users;
        this.documents = documents;
        this.claims = claims;
        this.sources = sources;
        this.reviews = reviews;
        this.past = past;
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
            Timeline timeline = past.timeline();
            workThrough(timeline, byOutlet.get(WIRE), byOutlet.get(BRIEF), byOutlet.get(TABLOID));
            log.info("Demo mode: worked through the demo articles (claims, sources, reviews, a discussion)");
            moveIntoThePast(timeline, List.of(byOutlet.get(WIRE).id(), byOutlet.get(BRIEF).id(),
                    byOutlet.get(TABLOID).id()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The desk's last five weeks, in the order they happened: each step is stamped with its day (so
     * many days ago) and hour, and once all is done the timeline moves it there.
     */
    private void workThrough(Timeline timeline, Document wire, Document brief, Document tabloid) {
        timeline.at(daysAgo(35, 10));
        Claim sources3 = mark("alice", wire, "three Russian sources with knowledge of the discussions told Reuters",
                "attribution", Confidence.HIGH, "Reuters");
        cite("alice", sources3, web("https://www.reuters.com/world/", "Reuters world news", "Reuters",
                SourceKind.NEWS_REPORT), Stance.SUPPORTS, null);
        timeline.at(daysAgo(34, 11));
        Claim nothing = mark("bob", wire, "The contacts with the Americans came to nothing", "quote",
                Confidence.MEDIUM, "a senior Russian source");
        timeline.at(daysAgo(33, 9));
        Claim call = mark("alice", wire, "Mr. Sullivan told Mr. Ushakov that Washington was willing to talk about "
                + "other aspects of the relationship but would not speak about a ceasefire without Ukraine", "event",
                Confidence.MEDIUM, "one of the Russian sources");
        timeline.at(daysAgo(32, 14));
        Claim denied = mark("bob", wire, "A U.S. source denied there had been any official contact", "attribution",
                Confidence.HIGH, "a U.S. source");
        cite("bob", denied, web("https://www.whitehouse.gov/briefing-room/", "White House briefing room",
                "The White House", SourceKind.OFFICIAL_STATEMENT), Stance.SUPPORTS, "no official contact");
        timeline.at(daysAgo(31, 10));
        cite("alice", call, web("https://www.whitehouse.gov/briefing-room/", null, null, null), Stance.CONTEXT, null);
        send(sources3);
        send(call);
        send(nothing);
        timeline.at(daysAgo(30, 9));
        send(denied);
        timeline.at(daysAgo(29, 15));
        decide(denied, ClaimStatus.VERIFIED, Rating.TRUE, "The White House said there was no official contact, "
                + "as the U.S. source told Reuters.");
        timeline.at(daysAgo(27, 10));
        Claim dismissed = mark("alice", brief, "A US source dismissed any official contact and said Washington would "
                + "not engage in those discussions that did not involve Ukraine.", "attribution", Confidence.HIGH,
                "a US source");
        cite("alice", dismissed, passage(wire, denied), Stance.SUPPORTS, "denied there had been any official contact");
        timeline.at(daysAgo(26, 9));
        send(dismissed);
        timeline.at(daysAgo(24, 11));
        decide(dismissed, ClaimStatus.VERIFIED, Rating.MOSTLY_TRUE, "Matches the wire copy, though 'dismissed' "
                + "is stronger than the wire's 'denied'.");
        timeline.at(daysAgo(23, 10));
        mark("bob", brief, "Putin had sent signals to US in 2023", "event", Confidence.LOW, "the Russian sources");
        timeline.at(daysAgo(21, 13));
        Claim existence = mark("alice", brief, "Ukraine says it is fighting a war for its existence", "opinion",
                Confidence.LOW, "Ukraine");
        timeline.at(daysAgo(20, 10));
        send(existence);
        timeline.at(daysAgo(18, 16));
        decide(existence, ClaimStatus.REJECTED, null, "A statement of Ukraine's position, not a checkable fact.");
        timeline.at(daysAgo(16, 10));
        Claim casualties = mark("bob", tabloid, "Ukraine has suffered around 70,000 casualties", "statistic",
                Confidence.LOW, "The Week");
        cite("bob", casualties, web("https://theweek.com/", "The Week", "The Week", SourceKind.NEWS_REPORT),
                Stance.CONTEXT, "around 70,000");
        timeline.at(daysAgo(15, 11));
        send(casualties);
        timeline.at(daysAgo(13, 9));
        Claim troops = mark("alice", tabloid, "Russia has lost at least 120,000 troops", "statistic",
                Confidence.LOW, "The Week");
        timeline.at(daysAgo(12, 11));
        comment("bob", troops, "Which estimate is this: The Week's, or one of the official ones?");
        timeline.at(daysAgo(12, 15));
        comment("alice", troops, "The Week's, as the article says. I'm looking for the original figure.");
        timeline.at(daysAgo(10, 10));
        Claim aid = mark("bob", tabloid, "a foreign aid package worth $95 billion", "statistic", Confidence.HIGH,
                null);
        cite("bob", aid, web("https://www.senate.gov/legislative/votes_new.htm", "U.S. Senate roll call votes",
                "United States Senate", SourceKind.PRIMARY_DOCUMENT), Stance.SUPPORTS, "$95 billion");
        timeline.at(daysAgo(9, 14));
        send(aid);
        timeline.at(daysAgo(7, 14));
        decide(aid, ClaimStatus.VERIFIED, Rating.TRUE, "The Senate passed the $95 billion foreign aid package "
                + "on 13 February 2024.");
        timeline.at(daysAgo(6, 10));
        Claim american = mark("alice", tabloid, "an American involved with the reported ceasefire talks denied there "
                + "had been any “official contact”", "attribution", Confidence.MEDIUM, "an American involved");
        cite("alice", american, passage(wire, denied), Stance.SUPPORTS, null);
        timeline.at(daysAgo(5, 9));
        send(american);
        timeline.at(daysAgo(4, 9));
        comment("editor", american, "The wire says 'a U.S. source', not someone involved in the talks: "
                + "check for drift before this goes out.");
        timeline.at(daysAgo(3, 11));
        Claim refused = mark("bob", tabloid, "Sullivan allegedly refused to speak with any of his Russian "
                + "counterparts on the matter", "attribution", Confidence.MEDIUM, null);
        cite("bob", refused, passage(wire, call), Stance.REFUTES, "Mr. Sullivan told Mr. Ushakov");
        timeline.at(daysAgo(2, 10));
        send(refused);
    }

    /** So many days ago (UTC days), at that hour. */
    private static Instant daysAgo(int days, int hour) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** The desk's work goes back to the weeks it is meant to span; if that fails, it stays on today, whole. */
    private void moveIntoThePast(Timeline timeline, List<Long> documentIds) {
        try {
            past.moveBack(timeline, documentIds);
        } catch (DataAccessException e) {
            log.warn("Demo mode: the demo's work stays dated today, so the dashboards show it on one day: {}",
                    e.getMessage());
        }
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
