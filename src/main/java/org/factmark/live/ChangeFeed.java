package org.factmark.live;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Committed changes, as they happen, from every Factmark instance on the same database. The
 * database announces them (db/migration V0006, docs/decisions/0007) and {@link PostgresChangeListener}
 * hands them to this feed, which passes each one to every subscriber on this instance.
 *
 * <p>Subscribers are called on the feed's own thread and must return quickly: a view hands the
 * change over with {@code ui.access}. A change carries ids only, so subscribing needs no permission;
 * reading what changed goes through the features' services, which check it.
 */
@Service
public class ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final Set<Consumer<Change>> subscribers = new CopyOnWriteArraySet<>();

    /** Starts passing every change to {@code subscriber}, until the returned subscription is cancelled. */
    public Subscription subscribe(Consumer<Change> subscriber) {
        // A wrapper per call, so that the same listener subscribed twice is also cancelled twice.
        Consumer<Change> registered = subscriber::accept;
        subscribers.add(registered);
        return () -> subscribers.remove(registered);
    }

    /** Hands one change to every subscriber; one that fails does not keep it from the others. */
    void publish(Change change) {
        for (Consumer<Change> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("A subscriber failed on {}", change, e);
            }
        }
    }

    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Stops the deliveries; calling it again does nothing. */
        void cancel();

        @Override
        default void close() {
            cancel();
        }
    }
}
