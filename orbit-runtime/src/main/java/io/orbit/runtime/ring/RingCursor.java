package io.orbit.runtime.ring;

import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntToLongFunction;

/**
 * A subscriber's position in a ring: the next counter of every lane. Each poll inspects at most
 * one ring window per lane and accounts for every counter it moves past as delivered,
 * overwritten, abandoned or corrupt. A counter claimed by a live SHARED writer that has not yet
 * committed stops the lane without advancing.
 *
 * <p>Not thread-safe: one cursor per subscriber thread.
 */
public final class RingCursor
{
    private final Ring ring;
    private final SlotReader reader;
    private final long[] next;
    private final long[] pendingCounter;
    private final long[] pendingSince;
    private final long[] nextProbe;
    private final FrameView view;
    private final PollStats lastPoll = new PollStats();
    private final PollStats totals = new PollStats();
    /** This poll's losses so far, summed by {@link #movePast} off the delivering path. */
    private long overwritten;
    private long abandoned;
    private long corrupt;
    private final long[] heads;
    private final ResetDetector resets;
    private final RingWaiter.Readiness readiness = this::mayPoll;
    private long generation;

    /** @param startOfLane the first counter to read in a lane; asked after the reset generation is read. */
    private RingCursor(final Ring ring, final IntToLongFunction startOfLane)
    {
        this.ring = ring;
        this.reader = ring.reader();
        final int lanes = ring.laneCount();
        this.next = new long[lanes];
        this.pendingCounter = new long[lanes];
        this.pendingSince = new long[lanes];
        this.nextProbe = new long[lanes];
        this.view = ring.newFrameView();
        this.heads = new long[lanes];
        this.generation = ring.resetGeneration();
        Arrays.fill(pendingCounter, -1);
        for (int lane = 0; lane < lanes; lane++)
        {
            next[lane] = startOfLane.applyAsLong(lane);
        }
        this.resets = new ResetDetector(ring);
    }

    /** A cursor at counter 0 of every lane. */
    static RingCursor fromStart(final Ring ring)
    {
        return new RingCursor(ring, lane -> 0);
    }

    /** A cursor at every lane's current head. */
    static RingCursor atHead(final Ring ring)
    {
        return new RingCursor(ring, ring::head);
    }

    /** A cursor at one counter, the same in every lane. */
    static RingCursor fromCounter(final Ring ring, final long counter)
    {
        return new RingCursor(ring, lane -> counter);
    }

    /**
     * @return the ring this cursor reads.
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * @param lane lane index.
     * @return the next counter this cursor will read in that lane.
     */
    public long next(final int lane)
    {
        return next[lane];
    }

    /**
     * @return the smallest next counter over all lanes.
     */
    public long minimumNext()
    {
        return Arrays.stream(next).min().orElse(0);
    }

    /**
     * @return counts of the most recent poll (reused by the next poll).
     */
    public PollStats lastPoll()
    {
        return lastPoll;
    }

    /**
     * @return counts summed over every poll of this cursor.
     */
    public PollStats totals()
    {
        return totals;
    }

    /**
     * Zero-allocation poll: hands every new frame to the handler, lane by lane.
     *
     * @param handler receives each delivered frame; the view is valid only during the call.
     * @return this poll's counts (the cursor's reused {@link #lastPoll()}).
     */
    public PollStats poll(final FrameHandler handler)
    {
        if (resetSeen())
        {
            return restartAfterReset();
        }
        final long capacity = ring.capacity();
        long delivered = 0;
        long movedPast = 0;
        overwritten = 0;
        abandoned = 0;
        corrupt = 0;
        for (int lane = 0; lane < next.length; lane++)
        {
            final long head = heads[lane];
            long counter = next[lane];
            boolean deliveredLast = false;
            final long start = counter;
            if (counter < head - capacity)
            {
                overwritten += head - capacity - counter;
                counter = head - capacity;
            }
            while (counter < head)
            {
                final int outcome = reader.read(lane, counter, view, true);
                deliveredLast = outcome == SlotReader.READY;
                if (deliveredLast)
                {
                    delivered++;
                    handler.onFrame(view);
                }
                else if (!movePast(lane, counter, outcome))
                {
                    break;
                }
                counter++;
            }
            if (counter > start)
            {
                movedPast += counter - start;
                next[lane] = counter;
                resets.advanced(lane, counter, deliveredLast ? view : null);
            }
            resets.observed(lane, head);
        }
        lastPoll.record(totals, delivered, overwritten, abandoned, corrupt, movedPast);
        return lastPoll;
    }

    /** The ring was reset: every lane restarts at counter 0, and the poll reports the reset alone. */
    private PollStats restartAfterReset()
    {
        final PollStats stats = lastPoll;
        generation = ring.resetGeneration();
        Arrays.fill(next, 0);
        Arrays.fill(pendingCounter, -1);
        resets.resynchronise();
        stats.clear();
        stats.reset = true;
        stats.resets = 1;
        totals.add(stats);
        return stats;
    }

    /**
     * Accounts for a counter below the head that was not delivered; kept out of {@link #poll} so the
     * delivering path stays small.
     *
     * @return true when the cursor moves past it (counted as lost), false when the lane stops here.
     */
    private boolean movePast(final int lane, final long counter, final int outcome)
    {
        if (outcome == SlotReader.OVERWRITTEN)
        {
            overwritten++;
        }
        else if (outcome == SlotReader.CORRUPT || ring.spec().topology() != Topology.SHARED)
        {
            // PER_NODE heads cover committed frames only: anything else below the head is damage.
            corrupt++;
        }
        else if (isAbandoned(lane, counter, outcome))
        {
            abandoned++;
        }
        else
        {
            return false;
        }
        return true;
    }

    /**
     * Reads every lane head for this poll and checks for a reset: the reset generation moved (a Java
     * reset), or a lane shows one ({@link ResetDetector}: a reset by orbit-rs, which leaves the
     * generation alone).
     */
    private boolean resetSeen()
    {
        boolean seen = ring.resetGeneration() != generation;
        for (int lane = 0; lane < heads.length; lane++)
        {
            heads[lane] = reader.head(lane);
            seen = seen || resets.resetSeen(lane, heads[lane], next[lane]);
        }
        return seen;
    }

    /**
     * Blocks until frames may be available, or the timeout passes: a publish (or a handle closing)
     * anywhere in the fleet moved the ring's notification word, frames are already visible, or the
     * ring was reset or closed. Spurious {@code true} is allowed: poll and wait again.
     *
     * @param timeout longest wait.
     * @return true when the caller should poll; false when the timeout passed (or the thread was interrupted).
     * @throws io.orbit.runtime.exceptions.NotifyDisabledException when the ring's spec has {@link Notify#NONE}.
     */
    public boolean await(final Duration timeout)
    {
        return ring.await(readiness, timeout.toNanos());
    }

    /**
     * Polls until {@code running} turns false, handing each poll's delivered count to the idle strategy
     * (which idles on zero and resets on work).
     *
     * @param handler receives each delivered frame.
     * @param idle    how to wait between empty polls.
     * @param running checked before each poll.
     * @return frames delivered.
     */
    public long pollLoop(final FrameHandler handler, final IdleStrategy idle, final BooleanSupplier running)
    {
        long delivered = 0;
        while (running.getAsBoolean())
        {
            final long polled = poll(handler).delivered();
            delivered += polled;
            idle.idle((int)Math.min(polled, Integer.MAX_VALUE));
        }
        return delivered;
    }

    private boolean mayPoll()
    {
        if (ring.isClosed() || ring.resetGeneration() != generation)
        {
            return true;
        }
        for (int lane = 0; lane < next.length; lane++)
        {
            if (reader.head(lane) > next[lane])
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Convenient poll: copies every new frame.
     *
     * @return the frames and the loss of this poll.
     */
    public RingPoll poll()
    {
        final List<Frame> frames = new ArrayList<>();
        final PollStats stats = poll(frame -> frames.add(frame.toFrame()));
        return new RingPoll(List.copyOf(frames), stats.overwritten, stats.abandoned, stats.corrupt, stats.reset);
    }

    /**
     * A SHARED counter that is claimed but not committed is abandoned once its writer is known dead
     * (its id names a node whose lease is free), or once it has been pending past the bound.
     */
    private boolean isAbandoned(final int lane, final long counter, final int outcome)
    {
        final long now = System.nanoTime();
        if (pendingCounter[lane] != counter)
        {
            pendingCounter[lane] = counter;
            pendingSince[lane] = now;
            nextProbe[lane] = now + Ring.PROBE_AFTER_NS;
            return false;
        }
        if (outcome == SlotReader.IN_FLIGHT && now - nextProbe[lane] >= 0)
        {
            nextProbe[lane] = now + Ring.PROBE_INTERVAL_NS;
            if (ring.writerOfSlotIsDead(lane, counter))
            {
                return true;
            }
        }
        return now - pendingSince[lane] >= ring.pendingBoundNs();
    }

    @Override
    public String toString()
    {
        return "RingCursor{kind=" + ring.kind() + ", next=" + Arrays.toString(next) + "}";
    }
}
