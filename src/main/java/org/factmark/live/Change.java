package org.factmark.live;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One committed change as the database announced it: what kind of thing changed, in which document
 * (or, for the inbox, for which user), and who did it. It carries ids only; whoever receives it
 * reads the current state through the feature's service, which checks permissions again.
 *
 * @param subjectId the document for claims, documents and presence; the recipient for the inbox
 * @param claimId the claim concerned, or 0
 * @param actorId the user whose action caused the change, or 0 when unknown
 */
public record Change(Kind kind, long subjectId, long claimId, long actorId) {

    public enum Kind {
        /** A claim, its status, its sources or its comments changed. */
        CLAIM,
        /** A document was added. */
        DOCUMENT,
        /** Someone opened or left a document, or started or stopped editing a claim in it. */
        PRESENCE,
        /** A message arrived in someone's inbox, or was read. */
        INBOX,
        /** The feed lost its connection for a while: anything may have changed, read everything again. */
        RESYNC
    }

    private static final Pattern PAYLOAD = Pattern.compile("(claim|document|presence|inbox):(\\d{1,18}):(\\d{1,18}):(\\d{1,18})");

    static final Change RESYNC = new Change(Kind.RESYNC, 0, 0, 0);

    /** The change that a payload of the database's triggers (db/migration V0006) announces, if it is one. */
    static Optional<Change> parse(String payload) {
        var match = PAYLOAD.matcher(payload == null ? "" : payload);
        if (!match.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(match.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new Change(kind, Long.parseLong(match.group(2)), Long.parseLong(match.group(3)),
                Long.parseLong(match.group(4))));
    }

    /** Whether this change may touch what a view of document {@code documentId} shows. */
    public boolean concernsDocument(long documentId) {
        return kind == Kind.RESYNC || (kind != Kind.INBOX && subjectId == documentId);
    }
}
