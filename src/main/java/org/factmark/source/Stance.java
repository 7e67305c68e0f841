package org.factmark.source;

/** How a source bears on a claim. */
public enum Stance {
    SUPPORTS, REFUTES, CONTEXT
}
