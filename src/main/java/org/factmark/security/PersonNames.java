package org.factmark.security;

import java.util.Map;

/**
 * How a person is named on every screen: by their display name, whatever the record behind it
 * stores (claims, history and the API keep usernames). An unknown username stays as it is.
 */
public record PersonNames(Map<String, String> byUsername) {

    public PersonNames {
        byUsername = Map.copyOf(byUsername);
    }

    public String of(String username) {
        return username == null ? "" : byUsername.getOrDefault(username, username);
    }
}
