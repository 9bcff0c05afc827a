package io.orbit.runtime.cache;

import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;

import java.time.Duration;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Keeps a {@link CacheIndex} in step with the cache ring, so that the index holds every frame a
 * backward walk over the retained window would read.
 *
 * <p>Three sources feed the index; {@link CacheIndex#apply} being order-independent and idempotent,
 * a frame may reach it from more than one:
 * <ol>
 *   <li>a {@link RingCursor} delivers frames in counter order and accounts for every counter it
 *       moves past (delivered, overwritten, abandoned, corrupt);</li>
 *   <li>when the cursor stops at a counter claimed by a live writer that has not committed yet
 *       (pending), the <em>tail</em> beyond it is read directly, so frames committed after the
 *       pending one are visible at once, as they are to a backward walk;</li>
 *   <li><em>unresolved</em> counters (tail counters not committed when read, and counters the
 *       cursor moved past without delivering that are still inside the window: abandoned or
 *       corrupt) are read again on every catch-up, so a frame committed late (a writer that paused
 *       past the pending bound and then finished) is applied as soon as a backward walk would see it.</li>
 * </ol>
 * Counters the cursor reports overwritten are already outside the window ({@code < head - capacity},
 * or their slot holds a counter a lap newer, which means the head is past them), and the index
 * forgets everything below the window floor, so this loss needs no rebuild. A ring reset (the
 * cursor reports it and restarts at counter 0) clears the index, which is then rebuilt from the
 * retained window of the reset ring.
 *
 * <p>Not thread-safe: the owning cache serialises access.
 */
final class CacheFeed
{
    /** Polls after a ring reset before answering from what is there (a reset storm must not spin forever). */
    private static final int RESET_POLLS = 4;

    private final Ring ring;
    private final RingCursor cursor;
    private final CacheIndex index;
    private final CacheFrame decoder = new CacheFrame();
    private final FrameView scanView;
    private final FrameHandler onFrame = this::onFrame;
    private final TreeSet<Long> unresolved = new TreeSet<>();
    private final long capacity;
    private long tailNext;
    private long expected;
    private long gapFloor;
    private long applied;
    private long undecodable;
    private long ringResets;

    CacheFeed(final Ring ring, final CacheIndex index)
    {
        this.ring = ring;
        this.index = index;
        this.capacity = ring.capacity();
        this.scanView = ring.newFrameView();
        this.cursor = ring.cursorFromStart();
    }

    /**
     * Waits for the ring to move past what the index applied. Runs outside the feed's lock: the
     * cursor's positions it reads may be a poll old, which only makes a wake-up early.
     */
    boolean await(final Duration timeout)
    {
        return cursor.await(timeout);
    }

    /**
     * Brings the index up to the ring's current head.
     */
    void catchUp()
    {
        for (int polls = 0; polls < RESET_POLLS; polls++)
        {
            expected = cursor.next(0);
            gapFloor = ring.head(0) - capacity;
            final PollStats stats = cursor.poll(onFrame);
            if (stats.reset())
            {
                ringResets++;
                clear();
                continue;
            }
            addUnresolved(expected, cursor.next(0));
            break;
        }
        final long head = ring.head(0);
        final long next = cursor.next(0);
        if (next < head)
        {
            scanTail(Math.max(tailNext, next), head);
        }
        tailNext = Math.max(tailNext, head);
        final long floor = Math.max(0, head - capacity);
        recheckUnresolved(floor);
        index.advanceFloor(floor);
    }

    private void onFrame(final FrameView frame)
    {
        final long counter = frame.counter();
        addUnresolved(expected, counter);
        expected = counter + 1;
        // Seen before when the tail scan read it; then it was counted there, or left unresolved.
        final boolean firstSighting = counter >= tailNext || unresolved.remove(counter);
        apply(counter, frame, firstSighting);
    }

    /** Reads the counters beyond a pending one, straight from their slots. */
    private void scanTail(final long from, final long head)
    {
        for (long counter = from; counter < head; counter++)
        {
            if (ring.readAt(0, counter, scanView))
            {
                apply(counter, scanView, true);
            }
            else
            {
                unresolved.add(counter);
            }
        }
    }

    private void recheckUnresolved(final long floor)
    {
        if (unresolved.isEmpty())
        {
            return; // the usual case: no iterator allocated on the lookup path
        }
        final Iterator<Long> it = unresolved.iterator();
        while (it.hasNext())
        {
            final long counter = it.next();
            if (counter < floor)
            {
                it.remove();
            }
            else if (ring.readAt(0, counter, scanView))
            {
                it.remove();
                apply(counter, scanView, true);
            }
        }
    }

    /** Counters the cursor moved past without delivering, inside the window: they may still commit. */
    private void addUnresolved(final long from, final long to)
    {
        for (long counter = Math.max(from, Math.max(0, gapFloor)); counter < to; counter++)
        {
            unresolved.add(counter);
        }
    }

    private void apply(final long counter, final FrameView frame, final boolean firstSighting)
    {
        if (!decoder.wrap(frame.payload(), 0, frame.payloadLength(), frame.frameKind()))
        {
            if (firstSighting)
            {
                undecodable++;
            }
            return;
        }
        if (index.apply(counter, decoder))
        {
            applied++;
        }
    }

    private void clear()
    {
        index.clear();
        unresolved.clear();
        tailNext = 0;
    }

    /**
     * @return a snapshot of the counts.
     */
    CacheStats stats()
    {
        final PollStats totals = cursor.totals();
        return new CacheStats(applied, undecodable, totals.overwritten(), totals.abandoned(), totals.corrupt(), ringResets,
            index.size(), index.resetCount(), unresolved.size(), cursor.next(0), ring.head(0));
    }
}
