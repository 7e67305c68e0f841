package org.factmark.common.db;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A database probe for {@code /actuator/health} that answers within {@link #DEADLINE} however
 * stalled the database is. A probe still running is joined, not repeated, so a stalled database does
 * not collect a waiting thread per health request.
 */
final class BoundedProbe<T> {

    static final Duration DEADLINE = Duration.ofMillis(800);

    private final Supplier<T> probe;
    private CompletableFuture<T> running;

    BoundedProbe(Supplier<T> probe) {
        this.probe = probe;
    }

    /** The probe's answer; a {@link TimeoutException} past the deadline, the probe's failure as the cause of an {@link ExecutionException}. */
    T answer() throws TimeoutException, ExecutionException, InterruptedException {
        return start().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized CompletableFuture<T> start() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(probe, Thread::startVirtualThread);
        }
        return running;
    }
}
