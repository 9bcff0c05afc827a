package io.orbit.runtime.ring;

import java.util.Arrays;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.checkedNode;
import static io.orbit.runtime.ring.CrossProcessSupport.checkedSequence;
import static io.orbit.runtime.ring.CrossProcessSupport.verifyChecked;

/**
 * The self-checking reader of the cross-process ring tests and the torture harness: polls a cursor,
 * verifies every delivered frame's checksum, its header against the checked payload (a
 * test-specific {@link HeaderCheck}), that each writer's sequences only increase and that no frame
 * comes from below the cursor's position, and that every poll's accounting adds up. Its
 * {@link #result()} is the {@code key=value} report the parent test parses.
 */
public final class CheckedReader implements FrameHandler
{
    /** Whether a delivered frame's header agrees with its verified payload. */
    @FunctionalInterface
    public interface HeaderCheck
    {
        /**
         * @param frame    the delivered frame.
         * @param writer   the writer node the payload names.
         * @param sequence the sequence the payload carries.
         * @return true when the header matches.
         */
        boolean matches(FrameView frame, int writer, long sequence);
    }

    private final Ring ring;
    private final RingCursor cursor;
    private final HeaderCheck headerCheck;
    private final byte[] scratch;
    private final CRC32 crc = new CRC32();
    private final long[] lastSequence;
    private final long[] pollStart;
    private final long[] lastCounter;
    private long deliveredThisPoll;
    private long delivered;
    private long badChecksum;
    private long badHeader;
    private long notIncreasing;
    private long invariantBroken;
    private long polls;

    /**
     * @param ring        the ring read.
     * @param maxWriter   highest writer node whose frames may appear.
     * @param headerCheck the test's header rule.
     */
    public CheckedReader(final Ring ring, final int maxWriter, final HeaderCheck headerCheck)
    {
        this.ring = ring;
        this.cursor = ring.cursorFromStart();
        this.headerCheck = headerCheck;
        this.scratch = new byte[ring.payloadCapacity()];
        this.lastSequence = new long[maxWriter + 1];
        this.pollStart = new long[ring.laneCount()];
        this.lastCounter = new long[ring.laneCount()];
        Arrays.fill(lastSequence, -1);
        Arrays.fill(lastCounter, -1);
    }

    @Override
    public void onFrame(final FrameView frame)
    {
        deliveredThisPoll++;
        if (!verifyChecked(frame.payload(), frame.payloadLength(), scratch, crc))
        {
            badChecksum++;
            return;
        }
        final int writer = checkedNode(frame.payload());
        final long sequence = checkedSequence(frame.payload());
        if (writer < 0 || writer >= lastSequence.length || !headerCheck.matches(frame, writer, sequence))
        {
            badHeader++;
            return;
        }
        if (sequence <= lastSequence[writer] || frame.counter() < pollStart[frame.lane()])
        {
            notIncreasing++;
        }
        lastSequence[writer] = sequence;
        lastCounter[frame.lane()] = frame.counter();
    }

    /**
     * One poll, checked: delivered + overwritten + abandoned + corrupt == movedPast, the handler saw
     * exactly the delivered frames, the lanes moved by exactly movedPast, and every delivered counter
     * is below its lane's new position.
     *
     * @return the poll's stats.
     */
    public PollStats poll()
    {
        deliveredThisPoll = 0;
        long before = 0;
        for (int lane = 0; lane < pollStart.length; lane++)
        {
            pollStart[lane] = cursor.next(lane);
            before += pollStart[lane];
        }
        final PollStats stats = cursor.poll(this);
        polls++;
        delivered += deliveredThisPoll;
        boolean broken = stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt() != stats.movedPast()
            || stats.delivered() != deliveredThisPoll || sumNext() - before != stats.movedPast();
        for (int lane = 0; lane < lastCounter.length; lane++)
        {
            broken |= lastCounter[lane] >= cursor.next(lane);
        }
        if (broken)
        {
            invariantBroken++;
        }
        return stats;
    }

    /**
     * @return the cursor polled.
     */
    public RingCursor cursor()
    {
        return cursor;
    }

    /**
     * @param writer a writer node.
     * @return the last sequence of that writer delivered and checked, -1 if none.
     */
    public long lastSequence(final int writer)
    {
        return lastSequence[writer];
    }

    /**
     * @return whether the cursor has moved past every lane's current head.
     */
    public boolean caughtUp()
    {
        for (int lane = 0; lane < pollStart.length; lane++)
        {
            if (cursor.next(lane) < ring.head(lane))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the sum over lanes of the cursor's next counters.
     */
    public long sumNext()
    {
        long sum = 0;
        for (int lane = 0; lane < pollStart.length; lane++)
        {
            sum += cursor.next(lane);
        }
        return sum;
    }

    /**
     * @return the common {@code key=value} report: delivered (handler count), the cursor's totals and the check counts.
     */
    public String result()
    {
        final PollStats totals = cursor.totals();
        return "delivered=" + delivered + " totalsDelivered=" + totals.delivered() + " overwritten=" + totals.overwritten()
            + " abandoned=" + totals.abandoned() + " corrupt=" + totals.corrupt() + " movedPast=" + totals.movedPast()
            + " badChecksum=" + badChecksum + " badHeader=" + badHeader + " notIncreasing=" + notIncreasing
            + " invariantBroken=" + invariantBroken + " polls=" + polls;
    }

    /**
     * @return frames the handler received.
     */
    public long delivered()
    {
        return delivered;
    }
}
