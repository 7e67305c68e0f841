package org.factmark.source;

import java.time.LocalDate;

/** A source as a reviewer describes it: a URL, or a document (and optionally one of its claims). */
public record NewSource(String url, Long documentId, Long claimId, String title, String publisher, SourceKind kind,
        LocalDate accessedOn, String archiveUrl, String note) {

    public static NewSource web(String url, String title, String publisher, SourceKind kind) {
        return new NewSource(url, null, null, title, publisher, kind, null, null, null);
    }
}
