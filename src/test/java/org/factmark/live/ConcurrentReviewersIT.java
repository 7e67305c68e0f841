package org.factmark.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.common.NotFoundException;
import org.factmark.common.StaleVersionException;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.review.HistoryEntry;
import org.factmark.review.ReviewService;
import org.factmark.security.Role;
import org.factmark.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Fifty reviewers create, edit and delete claims on one document at the same time while five
 * open workspaces follow the change feed. Nothing acknowledged may be lost or duplicated, every
 * refusal must be a version conflict, and every workspace must end up showing what the database has.
 */
@IntegrationTest
class ConcurrentReviewersIT {

    private static final int REVIEWERS = 50;
    private static final int CLAIMS_EACH = 3;
    private static final int EDITS_EACH = 6;
    private static final int WATCHERS = 5;
    private static final String SENTENCE = "Officials said 12 villages were hit and 3,400 people fled. ";
    private static final String TEXT = SENTENCE.repeat(REVIEWERS * CLAIMS_EACH);

    @Autowired
    ClaimService claims;
    @Autowired
    ReviewService reviews;
    @Autowired
    DocumentService documents;
    @Autowired
    UserService users;
    @Autowired
    ChangeFeed feed;
    @Autowired
    UserDetailsService userDetails;

    record Ack(long claimId, int version, String note) {
    }

    private final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private final List<Throwable> refusals = new CopyOnWriteArrayList<>();
    private final List<Long> hotClaims = new CopyOnWriteArrayList<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void fifty_reviewers_at_once_lose_nothing_and_every_workspace_converges() throws Exception {
        var signedIn = new SignedIn(userDetails);
        signedIn.as("admin");
        String run = Long.toString(System.nanoTime(), 36);
        long documentId = documents.add(new NewDocument("Fifty reviewers", TEXT, null, null, null)).id();
        List<Watcher> watchers = IntStream.range(0, WATCHERS).mapToObj(i -> new Watcher(documentId, signedIn)).toList();

        // The accounts first, one after the other: fifty bcrypt hashes at once would only measure the CPU.
        List<String> usernames = IntStream.range(0, REVIEWERS).mapToObj(reviewer -> users.create(
                "load-" + run + "-" + reviewer, "Load reviewer " + reviewer, "a-long-enough-password",
                Set.of(Role.REVIEWER)).username()).toList();
        var start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                int reviewer = i;
                work.add(pool.submit(() -> {
                    signedIn.as(usernames.get(reviewer));
                    start.await();
                    review(reviewer, documentId);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        }

        signedIn.as("admin");
        Map<Long, Integer> inDatabase = versions(claims.forDocument(documentId));
        Map<Long, Ack> latestAck = acknowledged.stream()
                .collect(Collectors.toMap(Ack::claimId, ack -> ack, (a, b) -> a.version() > b.version() ? a : b));

        // Every acknowledged change is there: each claim at its last acknowledged version and text.
        assertThat(inDatabase.keySet()).isEqualTo(latestAck.keySet().stream()
                .filter(id -> !deleted.contains(id)).collect(Collectors.toSet()));
        for (Claim claim : claims.forDocument(documentId)) {
            assertThat(claim.version()).isEqualTo(latestAck.get(claim.id()).version());
            assertThat(claim.note()).isEqualTo(latestAck.get(claim.id()).note());
            List<HistoryEntry> history = reviews.history(claim.id());
            assertThat(history.stream().filter(entry -> entry.action().equals("CLAIM_EDITED")).count())
                    .as("acknowledged edits of claim %d", claim.id())
                    .isEqualTo(acknowledged.stream().filter(ack -> ack.claimId() == claim.id()).count() - 1);
        }
        // No claim is duplicated: exactly the acknowledged creations, less the acknowledged deletions.
        assertThat(inDatabase).hasSize(REVIEWERS * CLAIMS_EACH - deleted.size());
        // Every refusal was a version conflict (nobody edits a claim after its author deleted it here).
        assertThat(refusals).allSatisfy(refusal -> assertThat(refusal).isInstanceOf(StaleVersionException.class));
        assertThat(refusals).as("the reviewers did collide").isNotEmpty();
        // Every open workspace converged on the same claims and versions as the database.
        for (Watcher watcher : watchers) {
            assertThat(watcher.awaitState(inDatabase, Duration.ofSeconds(10))).isEqualTo(inDatabase);
            watcher.close();
        }
    }

    /** One reviewer's session: mark claims, edit claims (often someone else's), delete one of their own. */
    private void review(int reviewer, long documentId) throws InterruptedException {
        var random = new Random(reviewer);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < CLAIMS_EACH; i++) {
            int start = (reviewer * CLAIMS_EACH + i) * SENTENCE.length() + SENTENCE.indexOf("12 villages");
            Claim created = claims.create(documentId, new ClaimDraft(start, start + 11, "statistic", Confidence.MEDIUM,
                    null, "created by " + reviewer, null, null));
            acknowledged.add(new Ack(created.id(), created.version(), created.note()));
            mine.add(created.id());
            if (i == 0) {
                hotClaims.add(created.id());
            }
        }
        for (int edit = 0; edit < EDITS_EACH; edit++) {
            List<Long> candidates = edit % 2 == 0 ? hotClaims : mine;
            long target = candidates.get(random.nextInt(Math.min(candidates.size(), 8)));
            try {
                Claim seen = claims.get(target);
                Thread.sleep(random.nextInt(3));
                String note = "edit " + edit + " by " + reviewer;
                Claim saved = claims.update(target, seen.version(),
                        new ClaimChanges(null, null, null, null, null, null, note, null));
                acknowledged.add(new Ack(saved.id(), saved.version(), note));
            } catch (RuntimeException refused) {
                refusals.add(refused);
            }
        }
        long gone = mine.getLast();
        try {
            claims.delete(gone, claims.get(gone).version());
            deleted.add(gone);
        } catch (RuntimeException refused) {
            refusals.add(refused);
        }
    }

    private static Map<Long, Integer> versions(List<Claim> claims) {
        return claims.stream().collect(Collectors.toMap(Claim::id, Claim::version));
    }

    /**
     * An open workspace as the feed drives it: on every announcement for its document it reads the
     * announced claim again (and drops it when it is gone), one announcement after the other.
     */
    private final class Watcher implements AutoCloseable {

        private final Map<Long, Integer> shown = new ConcurrentHashMap<>();
        private final ExecutorService reader = Executors.newSingleThreadExecutor();
        private final ChangeFeed.Subscription subscription;

        Watcher(long documentId, SignedIn signedIn) {
            reader.submit(() -> signedIn.as("editor"));
            subscription = feed.subscribe(change -> {
                if (change.kind() == Change.Kind.CLAIM && change.subjectId() == documentId) {
                    reader.submit(() -> read(change.claimId()));
                }
            });
        }

        private void read(long claimId) {
            try {
                shown.put(claimId, claims.get(claimId).version());
            } catch (NotFoundException deletedMeanwhile) {
                shown.remove(claimId);
            }
        }

        Map<Long, Integer> awaitState(Map<Long, Integer> expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!shown.equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return new HashMap<>(shown);
        }

        @Override
        public void close() {
            subscription.cancel();
            reader.shutdownNow();
        }
    }
}
