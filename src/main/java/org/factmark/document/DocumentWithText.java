package org.factmark.document;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A document together with its text, exactly as stored. */
public record DocumentWithText(@JsonUnwrapped Document document, String text) {
}
