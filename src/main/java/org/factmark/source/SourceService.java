package org.factmark.source;

import java.util.List;
import java.util.Locale;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimService;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.PlausibleDate;
import org.factmark.common.TextLimit;
import org.factmark.common.WebUrls;
import org.factmark.document.DocumentService;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.factmark.source.internal.SourceRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gate to sources and to the links between claims and the sources they cite. */
@Service
public class SourceService {

    /** A source's inputs as messages name them, with the limits forms give them. */
    public static final TextLimit URL = new TextLimit("The source's URL", WebUrls.MAX_LENGTH);
    public static final TextLimit TITLE = new TextLimit("The title", 500);
    public static final TextLimit PUBLISHER = new TextLimit("The publisher", 200);
    public static final TextLimit NOTE = new TextLimit("The note", 4000);
    public static final TextLimit EXCERPT = new TextLimit("The excerpt", 4000);
    public static final TextLimit SEARCH = new TextLimit("The search", 200);

    private static final int MAX_SEARCH_RESULTS = 50;

    private final SourceRepository sources;
    private final ClaimService claims;
    private final DocumentService documents;
    private final ApplicationEventPublisher events;

    SourceService(SourceRepository sources, ClaimService claims, DocumentService documents,
            ApplicationEventPublisher events) {
        this.sources = sources;
        this.claims = claims;
        this.documents = documents;
        this.events = events;
    }

    /** The source found or added, and whether it was added. */
    public record Outcome(Source source, boolean created) {
    }

    /** A new link, and the version it gave its claim. */
    public record Linked(SourceLink link, int claimVersion) {
    }

    /** Finds or adds the source: the same normalised URL, or the same passage, is always one source. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Outcome findOrCreate(NewSource draft) {
        NewSource source = checked(draft);
        // Inserting first and reading back what is there settles a race between two reviewers adding
        // the same URL at once: one row, and both get it.
        boolean created = sources.insertUnlessPresent(source, CurrentUser.require().id());
        return new Outcome((source.url() != null ? sources.findByUrl(source.url())
                : sources.findPassage(source.documentId(), source.claimId())).orElseThrow(), created);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Source get(long id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("There is no source with id " + id + "."));
    }

    /** Sources matching what was typed (title, publisher, URL), most cited first; all when blank. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Source> search(String query) {
        return sources.search(SEARCH.check(query), MAX_SEARCH_RESULTS);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Linked link(long claimId, long sourceId, Stance stance, String excerpt) {
        requireOpenForChanges(claimId);
        Source source = get(sourceId);
        if (stance == null) {
            throw new InvalidInputException("Say how the source bears on the claim: SUPPORTS, REFUTES or CONTEXT.");
        }
        if (source.claimId() != null && source.claimId() == claimId) {
            throw new InvalidInputException("A claim cannot cite itself.");
        }
        long actor = CurrentUser.require().id();
        // The claim first: the database's triggers lock it after the link, and a review of the same
        // claim locks it before its links; both in that order, neither waits for the other in a circle.
        touch(claimId, actor);
        if (!sources.link(claimId, source.id(), stance, EXCERPT.check(excerpt), actor)) {
            throw new ConflictException("This claim already cites \"" + source.title() + "\".");
        }
        SourceLink link = linkOf(claimId, source.id());
        events.publishEvent(new SourceLinked(link, actor));
        return new Linked(link, claims.get(claimId).version());
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void unlink(long claimId, long sourceId) {
        requireOpenForChanges(claimId);
        SourceLink link = linkOf(claimId, sourceId);
        long actor = CurrentUser.require().id();
        touch(claimId, actor); // the claim first, as in link
        sources.unlink(claimId, sourceId);
        events.publishEvent(new SourceUnlinked(link, actor));
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<SourceLink> linksOf(long claimId) {
        return sources.linksOf(claimId);
    }

    /** The claims that cite the source, document by document. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Citation> citationsOf(long sourceId) {
        return sources.citationsOf(get(sourceId).id());
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public int countLinks(long claimId) {
        return sources.countLinks(claimId);
    }

    /** A claim's sources are part of it: changing them gives it a new version, in the same transaction. */
    private void touch(long claimId, long actor) {
        if (!sources.touchClaim(claimId, actor)) {
            throw new ConflictException("The claim was decided or deleted meanwhile; its sources stay as they were.");
        }
    }

    /** How the claim cites the source. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public SourceLink linkOf(long claimId, long sourceId) {
        return sources.linksOf(claimId).stream().filter(l -> l.source().id() == sourceId).findFirst()
                .orElseThrow(() -> new NotFoundException("Claim " + claimId + " does not cite source " + sourceId
                        + "."));
    }

    /** Links change what a claim rests on, so a decided claim keeps its sources until it is reopened. */
    private void requireOpenForChanges(long claimId) {
        Claim claim = claims.get(claimId);
        if (claim.status().isDecided()) {
            throw new ConflictException("This claim is " + claim.status().name().toLowerCase(Locale.ROOT)
                    + "; an editor has to reopen it before its sources change.");
        }
    }

    private NewSource checked(NewSource draft) {
        String title = TITLE.check(draft.title());
        if (draft.documentId() != null) {
            var document = documents.get(draft.documentId());
            if (draft.claimId() != null && claims.get(draft.claimId()).documentId() != document.id()) {
                throw new InvalidInputException("Claim " + draft.claimId() + " is not in document " + document.id() + ".");
            }
            String publisher = PUBLISHER.check(draft.publisher());
            return new NewSource(null, document.id(), draft.claimId(), title != null ? title : document.title(),
                    publisher != null ? publisher : document.outlet(), SourceKind.FACTMARK_DOCUMENT,
                    PlausibleDate.check(draft.accessedOn(), "The access date"), null,
                    NOTE.check(draft.note()));
        }
        String url = WebUrls.normalize(draft.url(), URL.fieldName());
        if (url == null) {
            throw new InvalidInputException("A source needs a URL (http or https) or a Factmark document.").at(URL.fieldName());
        }
        if (title == null) {
            throw new InvalidInputException("A source needs a title.").at(TITLE.fieldName());
        }
        if (draft.kind() == SourceKind.FACTMARK_DOCUMENT) {
            throw new InvalidInputException("A web page cannot be of kind FACTMARK_DOCUMENT.");
        }
        return new NewSource(url, null, null, title, PUBLISHER.check(draft.publisher()),
                draft.kind() == null ? SourceKind.OTHER : draft.kind(),
                PlausibleDate.check(draft.accessedOn(), "The access date"),
                WebUrls.normalize(draft.archiveUrl(), "The archive URL"), NOTE.check(draft.note()));
    }
}
