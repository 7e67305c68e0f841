package org.factmark.document;

import java.util.List;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.PlausibleDate;
import org.factmark.common.StorableText;
import org.factmark.common.TextLimit;
import org.factmark.common.VisibleText;
import org.factmark.common.WebUrls;
import org.factmark.document.internal.DocumentRepository;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gate to documents: every view and endpoint reads and adds documents through here. */
@Service
public class DocumentService {

    public static final int MAX_PAGE_SIZE = 100;
    /** A document's inputs as messages name them, with the limits forms give them. */
    public static final TextLimit TITLE = new TextLimit("The title", 500);
    public static final TextLimit OUTLET = new TextLimit("The outlet", 200);
    public static final TextLimit URL = new TextLimit("The URL", WebUrls.MAX_LENGTH);
    public static final String PUBLISHED_AT = "The publication date";
    public static final String TEXT = DocumentText.FIELD;
    public static final int MAX_TEXT_BYTES = DocumentText.MAX_BYTES;

    private final DocumentRepository documents;

    DocumentService(DocumentRepository documents) {
        this.documents = documents;
    }

    /** Validates, normalises line endings and stores the document in the name of the signed-in user. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public Document add(NewDocument document) {
        return store(document, CurrentUser.require().id());
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Document get(long id) {
        return documents.findById(id).orElseThrow(() -> notFound(id));
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public DocumentWithText getWithText(long id) {
        return new DocumentWithText(get(id), text(id));
    }

    /** The document's text exactly as stored; claims anchor to offsets in it. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public String text(long id) {
        return documents.findText(id).orElseThrow(() -> notFound(id));
    }

    /** Newest first; a blank query lists every document. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Document> search(String query, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException("A page starts at 0 or later and holds 1 to " + MAX_PAGE_SIZE
                    + " documents.");
        }
        return documents.search(blankToNull(query), offset, limit);
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public long count(String query) {
        return documents.count(blankToNull(query));
    }

    /** The outlets of all documents, for filters. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<String> outlets() {
        return documents.outlets();
    }

    /** Turns an uploaded HTML page into a document draft: its readable text and its title. */
    @PreAuthorize(Access.ANY_ROLE)
    public NewDocument draftFromHtml(String html) {
        HtmlText.Extracted extracted = HtmlText.extract(html);
        return new NewDocument(extracted.title(), extracted.text(), null, null, null);
    }

    /** Also used by the demo corpus at start-up, when nobody is signed in. */
    Document store(NewDocument document, long createdBy) {
        String text = DocumentText.normalize(document.text());
        long id = documents.insert(
                requireTitle(document.title()),
                text,
                WebUrls.requireHttp(document.url(), URL.fieldName()),
                OUTLET.check(document.outlet()),
                PlausibleDate.check(document.publishedAt(), PUBLISHED_AT),
                DocumentText.sha256(text),
                createdBy);
        return documents.findById(id).orElseThrow();
    }

    boolean isEmpty() {
        return documents.countAll() == 0;
    }

    private static String requireTitle(String title) {
        if (VisibleText.isBlank(title)) {
            throw new InvalidInputException("A document needs a title.").at(TITLE.fieldName());
        }
        return TITLE.check(title);
    }

    private static String blankToNull(String query) {
        return VisibleText.isBlank(query) ? null : StorableText.check(query, "The search").strip();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no document with id " + id + ".");
    }
}
