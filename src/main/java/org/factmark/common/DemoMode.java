package org.factmark.common;

/**
 * Whether this installation runs with demo accounts and demo articles. It is on whenever the
 * embedded database is used, or when {@code FACTMARK_DEMO=true}.
 */
public record DemoMode(boolean enabled) {
}
