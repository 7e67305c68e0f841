package org.factmark.live.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keeps a view current while it is on screen: subscribes to the {@link ChangeFeed} when the view
 * is attached, cancels when it is detached, and hands the changes it is interested in to the view
 * in the view's own UI thread (by server push). A burst of changes arrives as one batch, so fifty
 * saves in a second cost the view one reload, not fifty.
 */
public final class LiveUpdates {

    /**
     * access() runs the task at once, in the calling thread, when the session is free: hand it to a
     * virtual thread, so that the feed's one thread never waits for a view's queries or its push.
     */
    private static final Executor DELIVERY = Executors.newVirtualThreadPerTaskExecutor();

    private final UI ui;
    private final SecurityContext viewer;
    private final Predicate<Change> interest;
    private final Consumer<List<Change>> apply;
    private final ConcurrentLinkedQueue<Change> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private LiveUpdates(UI ui, SecurityContext viewer, Predicate<Change> interest, Consumer<List<Change>> apply) {
        this.ui = ui;
        this.viewer = viewer;
        this.interest = interest;
        this.apply = apply;
    }

    /**
     * Passes the changes that {@code interest} accepts to {@code apply}, batched, while {@code view}
     * is attached. The interest is asked on the feed's thread: it must only look at the change.
     */
    public static void follow(Component view, ChangeFeed feed, Predicate<Change> interest,
            Consumer<List<Change>> apply) {
        view.addAttachListener(attach -> {
            // Attaching happens in the viewer's request, whose security context the updates reuse.
            var updates = new LiveUpdates(attach.getUI(), SecurityContextHolder.getContext(), interest, apply);
            ChangeFeed.Subscription subscription = feed.subscribe(updates::offer);
            view.addDetachListener(detach -> {
                subscription.cancel();
                detach.unregisterListener();
            });
        });
    }

    private void offer(Change change) {
        if (change.kind() != Change.Kind.RESYNC && !interest.test(change)) {
            return;
        }
        pending.add(change);
        if (scheduled.compareAndSet(false, true)) {
            DELIVERY.execute(() -> {
                try {
                    // access() runs the task once the session is free, and pushes what it changed.
                    ui.access(this::drain);
                } catch (UIDetachedException closedMeanwhile) {
                    pending.clear();
                }
            });
        }
    }

    /** Runs in the UI's thread, as the viewer: the services it calls check their permissions. */
    private void drain() {
        scheduled.set(false);
        List<Change> batch = new ArrayList<>();
        for (Change change; (change = pending.poll()) != null; ) {
            batch.add(change);
        }
        if (batch.isEmpty()) {
            return;
        }
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(viewer);
        try {
            apply.accept(batch);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
