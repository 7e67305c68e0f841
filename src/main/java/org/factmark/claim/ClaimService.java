package org.factmark.claim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.factmark.claim.internal.ClaimRepository;
import org.factmark.claim.internal.ClaimRepository.ClaimValues;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.OptionalText;
import org.factmark.common.StaleVersionException;
import org.factmark.common.TextLimit;
import org.factmark.document.DocumentService;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate to claims. Any reviewer may create, edit or delete an open claim, whoever made it;
 * every change names the version it was based on and is refused when someone changed the claim
 * first, so nothing is silently overwritten.
 */
@Service
public class ClaimService {

    public static final TextLimit CLAIMANT = new TextLimit("The claimant", 200);
    public static final TextLimit NOTE = new TextLimit("The note", 4000);
    public static final TextLimit RESTATEMENT = new TextLimit("The restatement", 4000);
    public static final TextLimit TEXT_FILTER = new TextLimit("The text filter", 200);
    public static final int MAX_PAGE_SIZE = 100;
    static final Duration SAME_CLAIM_AGAIN_WITHIN = Duration.ofSeconds(5);

    private final ClaimRepository claims;
    private final ClaimTypeService types;
    private final DocumentService documents;
    private final ApplicationEventPublisher events;

    ClaimService(ClaimRepository claims, ClaimTypeService types, DocumentService documents,
            ApplicationEventPublisher events) {
        this.claims = claims;
        this.types = types;
        this.documents = documents;
        this.events = events;
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Claim create(long documentId, ClaimDraft draft) {
        String text = documents.text(documentId);
        Anchor anchor = Anchor.in(text, draft.start(), draft.end(), draft.quote());
        if (draft.confidence() == null) {
            throw new InvalidInputException("A claim needs a confidence: LOW, MEDIUM or HIGH.");
        }
        var values = new ClaimValues(anchor, types.requireUsable(draft.type()).code(), draft.confidence(),
                CLAIMANT.check(draft.claimant()),
                NOTE.check(draft.note()),
                restatementOrQuote(draft.restatement(), anchor));
        long actor = CurrentUser.require().id();
        // The same claim again from the same reviewer within seconds is one intent sent twice (a double
        // click, a resent request): the caller gets the claim it meant to create, and no second one.
        var twin = claims.twinCreatedWithin(documentId, values, actor, SAME_CLAIM_AGAIN_WITHIN);
        if (twin.isPresent()) {
            return claims.findById(twin.get()).orElseThrow();
        }
        Claim created = claims.findById(claims.insert(documentId, values, actor)).orElseThrow();
        events.publishEvent(new ClaimCreated(created, actor));
        return created;
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Claim get(long id) {
        return claims.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The document's claims in document order; an unknown document is not found. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Claim> forDocument(long documentId) {
        documents.get(documentId);
        return claims.findByDocument(documentId);
    }

    /** Claims across documents, filtered; those waiting longest for review come first. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Claim> search(ClaimFilter filter, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException("A page starts at 0 or later and holds 1 to " + MAX_PAGE_SIZE + " claims.");
        }
        return claims.search(checked(filter), offset, limit);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public long count(ClaimFilter filter) {
        return claims.count(checked(filter));
    }

    /** Everyone who has created a claim, for filters. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<String> authors() {
        return claims.authors();
    }

    /** Who has been named as claimant in this document, most often first. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<String> claimantsIn(long documentId) {
        return claims.findClaimants(documentId);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Claim update(long id, int version, ClaimChanges changes) {
        Claim current = requireEditable(id, version);
        if (changes.quote() != null && !changes.movesSpan()) {
            throw new InvalidInputException("A quote is checked against a new span: send start and end with it.");
        }
        Anchor anchor = current.anchor();
        if (changes.movesSpan()) {
            anchor = Anchor.in(documents.text(current.documentId()),
                    changes.start() != null ? changes.start() : current.start(),
                    changes.end() != null ? changes.end() : current.end(), changes.quote());
        }
        String restatement = changes.restatement() != null ? restatementOrQuote(changes.restatement(), anchor)
                // A restatement that was only the default follows the quote when the span moves.
                : current.restatement().equals(current.quote()) ? anchor.quote() : current.restatement();
        var values = new ClaimValues(anchor,
                changes.type() == null || changes.type().equals(current.type()) ? current.type()
                        : types.requireUsable(changes.type()).code(),
                changes.confidence() != null ? changes.confidence() : current.confidence(),
                changes.claimant() != null ? CLAIMANT.check(changes.claimant())
                        : current.claimant(),
                changes.note() != null ? NOTE.check(changes.note()) : current.note(),
                restatement);
        if (values.equals(valuesOf(current))) {
            // Nothing changes: no write, no new version, no history entry.
            return current;
        }
        long actor = CurrentUser.require().id();
        if (!claims.update(id, version, values, actor)) {
            throw refusal(id);
        }
        Claim updated = claims.findById(id).orElseThrow();
        events.publishEvent(new ClaimEdited(current, updated, actor));
        return updated;
    }

    /** Marks the claim deleted; it stays in the database for the history but is gone everywhere else. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void delete(long id, int version) {
        Claim current = requireEditable(id, version);
        long actor = CurrentUser.require().id();
        if (!claims.markDeleted(id, version, actor)) {
            throw refusal(id);
        }
        events.publishEvent(new ClaimDeleted(current, actor));
    }

    private Claim requireEditable(long id, int version) {
        Claim current = claims.findById(id).orElseThrow(() -> notFound(id));
        if (current.version() != version) {
            throw changedMeanwhile(current);
        }
        if (current.status().isDecided()) {
            throw new ConflictException("This claim is " + current.status().name().toLowerCase(Locale.ROOT)
                    + " and read-only; an editor has to reopen it first.");
        }
        return current;
    }

    /** Why a conditional write changed nothing: the claim is gone, or someone changed it first. */
    private RuntimeException refusal(long id) {
        return claims.findById(id).<RuntimeException>map(ClaimService::changedMeanwhile).orElseGet(() -> notFound(id));
    }

    /** The refusal of a change based on an older version of {@code current}; the workflow uses it too. */
    public static StaleVersionException changedMeanwhile(Claim current) {
        return new StaleVersionException("Someone changed this claim meanwhile (it is now at version "
                + current.version() + " by " + current.updatedBy() + "); nothing was saved. "
                + "Look at the current version and apply your change again.");
    }

    private static ClaimValues valuesOf(Claim claim) {
        return new ClaimValues(claim.anchor(), claim.type(), claim.confidence(), claim.claimant(), claim.note(),
                claim.restatement());
    }

    private static String restatementOrQuote(String restatement, Anchor anchor) {
        String given = RESTATEMENT.check(restatement);
        return given != null ? given : anchor.quote();
    }

    private static ClaimFilter checked(ClaimFilter filter) {
        if (filter.waitingDays() != null && (filter.waitingDays() < 0 || filter.waitingDays() > 36_500)) {
            throw new InvalidInputException("The waiting time is 0 to 36,500 days.");
        }
        return new ClaimFilter(filter.status(), OptionalText.of(filter.type(), 100, "The type filter"),
                filter.documentId(), OptionalText.of(filter.author(), 100, "The author filter"),
                OptionalText.of(filter.outlet(), 200, "The outlet filter"), filter.waitingDays(),
                TEXT_FILTER.check(filter.text()));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no claim with id " + id + ".");
    }
}
