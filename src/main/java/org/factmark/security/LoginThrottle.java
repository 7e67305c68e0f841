package org.factmark.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and refuses further attempts for a growing time, before any password is
 * hashed: per account and client address (the guesser), per client address (one client trying many
 * accounts) and, higher and short, per account (many clients guessing one account). A client that
 * signed in to an account before is held up for it only by its own failures there, so that nobody
 * can lock a real user out. IPv6 clients count per /64, the block one host gets. Kept in memory per
 * instance, at most {@link #MAX_ENTRIES} counters and remembered sign-ins (docs/decisions/0013).
 */
@Component
class LoginThrottle {

    /** A limit: how many failures go unhindered, the longest wait after them, and when they are forgotten. */
    enum Rule {
        ACCOUNT_FROM_CLIENT(5, Duration.ofMinutes(15), Duration.ofHours(1)),
        CLIENT(10, Duration.ofMinutes(15), Duration.ofHours(1)),
        ACCOUNT(50, Duration.ofSeconds(30), Duration.ofMinutes(15)),
        /** Not a limit: this client signed in to this account, remembered for a month after the last time. */
        SIGNED_IN_FROM_CLIENT(0, Duration.ZERO, Duration.ofDays(30));

        final int freeFailures;
        final Duration longestWait;
        final Duration forgetAfter;

        Rule(int freeFailures, Duration longestWait, Duration forgetAfter) {
            this.freeFailures = freeFailures;
            this.longestWait = longestWait;
            this.forgetAfter = forgetAfter;
        }

        /** One second after the first failure beyond the free ones, doubling with each further one. */
        Duration waitAfter(int failures) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(beyond - 1, 30));
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /** About 200 bytes each, so the counters take at most some 20 MB however many addresses attack. */
    static final int MAX_ENTRIES = 100_000;

    private record Key(Rule rule, String account, String client) {
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;
    }

    private final Clock clock;
    // Least recently failed first, so a flood of new keys pushes out the oldest counters, not the active ones.
    private final Map<Key, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Until when this account may not be tried from this client; empty when it may now. */
    synchronized Optional<Instant> refusedUntil(String account, String client) {
        Instant now = clock.instant();
        boolean familiar = current(new Key(Rule.SIGNED_IN_FROM_CLIENT, name(account), clientKey(client)), now) != null;
        return keys(account, client)
                // Others' failures (other accounts from this address, this account from elsewhere) never shut
                // out its owner where they signed in before; their own guesses here still count.
                .filter(key -> !familiar || key.rule == Rule.ACCOUNT_FROM_CLIENT)
                .map(key -> current(key, now))
                .filter(entry -> entry != null && entry.blockedUntil.isAfter(now))
                .map(entry -> entry.blockedUntil)
                .max(Instant::compareTo);
    }

    synchronized void failed(String account, String client) {
        Instant now = clock.instant();
        keys(account, client).forEach(key -> {
            Failures entry = current(key, now);
            if (entry == null) {
                entry = new Failures();
                failures.put(key, entry);
            }
            entry.count++;
            entry.last = now;
            entry.blockedUntil = now.plus(key.rule.waitAfter(entry.count));
        });
    }

    /** Forgets this account's failures, never this client's with other accounts: one valid account opens no others. */
    synchronized void succeeded(String account, String client) {
        keys(account, client).filter(key -> key.rule != Rule.CLIENT).forEach(failures::remove);
        Failures signedIn = new Failures();
        signedIn.last = clock.instant();
        signedIn.blockedUntil = signedIn.last;
        failures.put(new Key(Rule.SIGNED_IN_FROM_CLIENT, name(account), clientKey(client)), signedIn);
    }

    /** The counter under {@code key}, or null when there is none or it is old enough to be forgotten. */
    private Failures current(Key key, Instant now) {
        Failures entry = failures.get(key);
        if (entry != null && entry.last.plus(key.rule.forgetAfter).isBefore(now)) {
            failures.remove(key);
            return null;
        }
        return entry;
    }

    private static Stream<Key> keys(String account, String client) {
        String name = name(account);
        String from = clientKey(client);
        return Stream.of(new Key(Rule.ACCOUNT_FROM_CLIENT, name, from), new Key(Rule.CLIENT, null, from),
                new Key(Rule.ACCOUNT, name, null));
    }

    private static String name(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    /** An IPv6 client by its /64 prefix: one host usually gets a whole /64 and may pick any address in it. */
    static String clientKey(String client) {
        if (!client.contains(":")) {
            return client;
        }
        try {
            // A literal with a colon is never looked up in DNS; IPv4-mapped ones come back as IPv4.
            byte[] address = InetAddress.getByName(client).getAddress();
            if (address.length == 4) {
                return InetAddress.getByAddress(address).getHostAddress();
            }
            return HexFormat.of().formatHex(address, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return client;
        }
    }
}
