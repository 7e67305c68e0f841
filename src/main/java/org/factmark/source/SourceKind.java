package org.factmark.source;

/** What kind of evidence a source is; {@code FACTMARK_DOCUMENT} is a passage of another stored document. */
public enum SourceKind {
    PRIMARY_DOCUMENT, OFFICIAL_STATEMENT, NEWS_REPORT, EXPERT, DATASET, OTHER, FACTMARK_DOCUMENT
}
