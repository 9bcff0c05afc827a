package io.orbit.runtime.ring;

/**
 * A cursor's detection of a reset it was not told about: orbit-rs's {@code reset_ring} zeroes the
 * slots and lane heads but never bumps the reset generation at header offset 48. Without that word
 * a reset still shows in the lanes, and this class checks for it before each poll:
 * <ul>
 *   <li>a lane head below the head this cursor saw at its previous poll (heads only grow otherwise);</li>
 *   <li>when a head moved on and the last counter the cursor moved past in that lane was a frame it
 *       delivered (still inside the ring window): that slot holding a stamp below the counter's
 *       committed stamp (zeroed, or a writer of the same counter mid-write), or the counter committed
 *       again with another id or version than the delivered frame.</li>
 * </ul>
 * A reset followed by new frames that reproduce the id and version of the last delivered frame and
 * a head at or beyond the old one cannot be told apart from no reset; a reset followed by more than
 * a ring window of frames shows as overwritten counters instead.
 *
 * <p>One per cursor, not thread-safe; allocates only when created.
 */
final class ResetDetector
{
    private final long[] lastHead;
    /** The cursor's next counter per lane after its last advance there, -1 when it has not advanced. */
    private final long[] passed;
    /** Counter of the last frame delivered per lane, -1 when none is remembered. */
    private final long[] deliveredCounter;
    private final long[] deliveredId;
    private final long[] deliveredVersion;
    private final SlotReader reader;
    private final long capacity;

    ResetDetector(final Ring ring)
    {
        final int lanes = ring.laneCount();
        this.reader = ring.reader();
        this.capacity = ring.capacity();
        this.lastHead = new long[lanes];
        this.passed = new long[lanes];
        this.deliveredCounter = new long[lanes];
        this.deliveredId = new long[lanes];
        this.deliveredVersion = new long[lanes];
        resynchronise();
    }

    /**
     * Whether the lane shows a reset since the previous poll.
     *
     * @param lane lane index.
     * @param head the lane's head read for this poll.
     * @param next the cursor's next counter in the lane.
     * @return true when the lane was reset.
     */
    boolean resetSeen(final int lane, final long head, final long next)
    {
        final long previousHead = lastHead[lane];
        if (head < previousHead)
        {
            return true;
        }
        if (head == previousHead || next == 0)
        {
            return false;
        }
        final long last = next - 1;
        if (passed[lane] != next || deliveredCounter[lane] != last)
        {
            return false; // the cursor was placed here, or did not deliver the counter below: nothing to compare
        }
        if (last < head - capacity)
        {
            return false; // lapped: its slot holds a newer counter by now
        }
        return reader.replaced(lane, last, deliveredId[lane], deliveredVersion[lane]);
    }

    /**
     * Records the head a poll used for a lane.
     *
     * @param lane lane index.
     * @param head the head.
     */
    void observed(final int lane, final long head)
    {
        lastHead[lane] = head;
    }

    /**
     * Records that a poll moved a lane's position.
     *
     * @param lane      lane index.
     * @param next      the cursor's next counter there now.
     * @param delivered the frame of counter {@code next - 1} when the poll delivered it, else null.
     */
    void advanced(final int lane, final long next, final FrameView delivered)
    {
        passed[lane] = next;
        deliveredCounter[lane] = delivered != null ? next - 1 : -1;
        if (delivered != null)
        {
            deliveredId[lane] = delivered.id();
            deliveredVersion[lane] = delivered.version();
        }
    }

    /**
     * Forgets what was delivered and takes the current heads as the baseline (after a reset, or at creation).
     */
    void resynchronise()
    {
        for (int lane = 0; lane < lastHead.length; lane++)
        {
            lastHead[lane] = reader.head(lane);
            passed[lane] = -1;
            deliveredCounter[lane] = -1;
        }
    }
}
