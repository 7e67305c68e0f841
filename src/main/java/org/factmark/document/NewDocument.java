package org.factmark.document;

import java.time.LocalDate;

/** What a user submits to add a document; {@link DocumentService} validates and normalises it. */
public record NewDocument(String title, String text, String url, String outlet, LocalDate publishedAt) {
}
