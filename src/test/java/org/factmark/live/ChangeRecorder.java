package org.factmark.live;

import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Subscribes to a feed and keeps what it hears, for tests that wait for an announcement. */
final class ChangeRecorder implements AutoCloseable {

    private final LinkedBlockingQueue<Change> heard = new LinkedBlockingQueue<>();
    private final ChangeFeed.Subscription subscription;

    ChangeRecorder(ChangeFeed feed) {
        subscription = feed.subscribe(heard::add);
    }

    /** The first change that {@code wanted} accepts, heard within {@code timeout}; fails otherwise. */
    Change await(Predicate<Change> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Change change = heard.poll(left, TimeUnit.NANOSECONDS);
            if (change != null && wanted.test(change)) {
                return change;
            }
        }
        throw new AssertionError("Nothing wanted was announced within " + timeout);
    }

    /** Everything heard within {@code quiet}, after which the recorder is drained. */
    List<Change> heardWithin(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet);
        var drained = new ArrayList<Change>();
        heard.drainTo(drained);
        return drained;
    }

    void assertNothing(Predicate<Change> unwanted, Duration within) throws InterruptedException {
        assertThat(heardWithin(within)).noneMatch(unwanted);
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
