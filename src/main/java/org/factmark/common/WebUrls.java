package org.factmark.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the links users give us: only absolute http and https URLs with a host are accepted. */
public final class WebUrls {

    public static final int MAX_LENGTH = 2048;

    private WebUrls() {
    }

    /**
     * The form in which a URL is stored and compared: scheme and host lower-cased, the default port
     * and the fragment dropped; so that one page cited twice is one source. Null when blank.
     */
    public static String normalize(String url, String fieldName) {
        String checked = requireHttp(url, fieldName);
        if (checked == null) {
            return null;
        }
        try {
            URI uri = new URI(checked);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            throw unreadable(fieldName, e);
        }
    }

    /**
     * Returns the URL, trimmed, or null when blank; refuses anything but http(s), so that a stored
     * link can never become a {@code javascript:} or {@code file:} link in someone's browser.
     */
    public static String requireHttp(String url, String fieldName) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException(fieldName + " is longer than " + MAX_LENGTH + " characters.").at(fieldName);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException(fieldName + " must start with http:// or https://.").at(fieldName);
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidInputException(fieldName + " has no host name.").at(fieldName);
            }
            if (uri.getRawUserInfo() != null) {
                // Every user sees stored links; a user name or password in one would leak to all of them.
                throw new InvalidInputException(fieldName + " contains a user name or password; leave them out.");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw unreadable(fieldName, e);
        }
    }

    /** Names the character the address cannot hold, in words, rather than the parser's own message. */
    private static InvalidInputException unreadable(String fieldName, URISyntaxException e) {
        int at = e.getIndex();
        String where = at >= 0 && at < e.getInput().length()
                ? ": “" + e.getInput().charAt(at) + "” cannot stand at character " + (at + 1)
                        + " (a space, for example, is written %20)"
                : "";
        return new InvalidInputException(fieldName + " is not a web address" + where + ".").at(fieldName);
    }
}
