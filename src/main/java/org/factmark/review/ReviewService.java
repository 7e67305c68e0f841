package org.factmark.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Rating;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.TextLimit;
import org.factmark.review.internal.HistoryRepository;
import org.factmark.review.internal.InboxRepository;
import org.factmark.review.internal.ReviewRepository;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.factmark.security.FactmarkUser;
import org.factmark.source.SourceService;
import org.factmark.common.NotAllowedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow: OPEN -> IN_REVIEW -> VERIFIED or REJECTED, and back to OPEN when an editor
 * reopens a decision. The rules live here, so the UI and the API obey the same ones; every step
 * goes into the claim's history in the same transaction.
 */
@Service
public class ReviewService {

    /** A comment's text, as messages name it, and its limit (the database's too). */
    public static final TextLimit COMMENT = new TextLimit("A comment", 4000);
    /** A verdict's rationale (or a rejection's reason), as messages name it, and its limit. */
    public static final TextLimit RATIONALE = new TextLimit("The rationale", 4000);
    private static final String FOUR_EYES = "You created or changed this claim, so another editor has to decide "
            + "on it (the four-eyes rule).";

    private final ClaimService claims;
    private final SourceService sources;
    private final ReviewRepository reviews;
    private final HistoryRepository history;
    private final InboxRepository inbox;

    ReviewService(ClaimService claims, SourceService sources, ReviewRepository reviews, HistoryRepository history,
            InboxRepository inbox) {
        this.claims = claims;
        this.sources = sources;
        this.reviews = reviews;
        this.history = history;
        this.inbox = inbox;
    }

    /** Any reviewer proposes an open claim for verification. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Claim sendToReview(long claimId, int version) {
        return move(claims.get(claimId), version, ClaimStatus.IN_REVIEW, null, null, "SENT_TO_REVIEW");
    }

    /**
     * An editor or admin verifies or rejects a claim in review. Verifying needs a linked source, a
     * rating and a rationale; by default nobody decides on a claim they created (four eyes).
     */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Claim decide(long claimId, int version, ClaimStatus decision, Rating rating, String rationale) {
        FactmarkUser user = CurrentUser.require();
        if (!user.isEditor()) {
            throw new NotAllowedException("Only editors and admins verify or reject claims.");
        }
        if (decision == null || !decision.isDecided()) {
            throw new InvalidInputException("A decision is VERIFIED or REJECTED.");
        }
        Claim claim = claims.get(claimId);
        if (authoredUnderFourEyes(claim, user)) {
            throw new NotAllowedException(FOUR_EYES);
        }
        String reason = RATIONALE.check(rationale);
        // The author reads the reason on the claim and in their inbox; a bare "rejected" tells them nothing to fix.
        if (decision == ClaimStatus.REJECTED && reason == null) {
            throw new IncompleteVerdictException("To reject this claim, add a rationale: the reason its author "
                    + "will read.");
        }
        if (decision == ClaimStatus.VERIFIED) {
            List<String> missing = new ArrayList<>();
            if (sources.countLinks(claimId) == 0) {
                missing.add("at least one linked source");
            }
            if (rating == null) {
                missing.add("a rating");
            }
            if (reason == null) {
                missing.add("a rationale");
            }
            if (!missing.isEmpty()) {
                throw new IncompleteVerdictException("To verify this claim, add " + String.join(", ", missing) + ".");
            }
        }
        return move(claim, version, decision, decision == ClaimStatus.VERIFIED ? rating : null, reason,
                decision.name());
    }

    /** An editor or admin reopens a decided claim, which makes it editable again. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Claim reopen(long claimId, int version) {
        if (!CurrentUser.require().isEditor()) {
            throw new NotAllowedException("Only editors and admins reopen decided claims.");
        }
        return move(claims.get(claimId), version, ClaimStatus.OPEN, null, null, "REOPENED");
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Comment comment(long claimId, String text) {
        Claim claim = claims.get(claimId);
        String body = COMMENT.check(text);
        if (body == null) {
            throw new InvalidInputException("A comment needs some text.").at(COMMENT.fieldName());
        }
        long author = CurrentUser.require().id();
        long id = reviews.insertComment(claim.id(), author, body);
        Comment comment = reviews.comments(claim.id()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        history.append(claim.id(), author, "COMMENTED", null, comment);
        inbox.tellCreator(claim.id(), author, "COMMENTED");
        return comment;
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Comment> comments(long claimId) {
        return reviews.comments(claims.get(claimId).id());
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Comment comment(long claimId, long commentId) {
        return comments(claimId).stream().filter(c -> c.id() == commentId).findFirst()
                .orElseThrow(() -> new NotFoundException("Claim " + claimId + " has no comment " + commentId + "."));
    }

    /** Every change to the claim, its links, its status and its comments, oldest first. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long claimId) {
        return history.forClaim(claims.get(claimId).id());
    }

    /**
     * Why the signed-in user may not verify or reject this claim, or empty when they may: shown
     * before an editor fills in a verdict, and the same rule that {@link #decide} enforces.
     */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Optional<String> whyNotDecide(long claimId) {
        FactmarkUser user = CurrentUser.require();
        if (!user.isEditor()) {
            return Optional.of("Only editors and admins verify or reject claims.");
        }
        return authoredUnderFourEyes(claims.get(claimId), user) ? Optional.of(FOUR_EYES) : Optional.empty();
    }

    private boolean authoredUnderFourEyes(Claim claim, FactmarkUser user) {
        return reviews.fourEyes() && (claim.createdBy().equals(user.getUsername()) || reviews.shaped(claim.id(),
                user.id()));
    }

    /** Whether the signed-in user may verify, reject and reopen claims (editors and admins). */
    @PreAuthorize(Access.ANY_ROLE)
    public boolean mayDecide() {
        return CurrentUser.require().isEditor();
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public boolean fourEyesRequired() {
        return reviews.fourEyes();
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void requireFourEyes(boolean required) {
        reviews.setFourEyes(required);
    }

    private Claim move(Claim claim, int version, ClaimStatus to, Rating rating, String rationale, String action) {
        // A stale version first: whoever moved the claim on meanwhile is news to this client (412), like any change.
        if (claim.version() != version) {
            throw ClaimService.changedMeanwhile(claim);
        }
        ClaimStatus from = requiredStatusBefore(to, claim);
        long actor = CurrentUser.require().id();
        if (!reviews.transition(claim.id(), version, from, to, rating, rationale, actor)) {
            throw ClaimService.changedMeanwhile(claims.get(claim.id()));
        }
        Claim after = claims.get(claim.id());
        history.append(claim.id(), actor, action, claim, after);
        if (to.isDecided()) {
            inbox.tellCreator(claim.id(), actor, to.name());
        }
        return after;
    }

    /** The one status a claim may be in before moving to {@code to}; anything else is refused. */
    private static ClaimStatus requiredStatusBefore(ClaimStatus to, Claim claim) {
        ClaimStatus from = switch (to) {
            case IN_REVIEW -> ClaimStatus.OPEN;
            case VERIFIED, REJECTED -> ClaimStatus.IN_REVIEW;
            case OPEN -> claim.status().isDecided() ? claim.status() : null;
        };
        if (from == null || claim.status() != from) {
            throw new ConflictException(switch (to) {
                case IN_REVIEW -> "Only an open claim can be sent to review; this one is " + label(claim) + ".";
                case VERIFIED, REJECTED -> "Only a claim in review can be verified or rejected; this one is "
                        + label(claim) + ".";
                case OPEN -> "Only a verified or rejected claim can be reopened; this one is " + label(claim) + ".";
            });
        }
        return from;
    }

    private static String label(Claim claim) {
        return claim.status().name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
