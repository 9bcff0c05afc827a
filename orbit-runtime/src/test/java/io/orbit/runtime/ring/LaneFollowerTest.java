package io.orbit.runtime.ring;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The lane follower delivers exactly what a lane-head read delivers: the newest committed frame,
 * never a torn one, never one left from an earlier lap, and it is not pinned by a reset or by a
 * damaged slot.
 */
class LaneFollowerTest
{
    private static final int CAPACITY = 8;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static long publish(final Ring ring, final long value)
    {
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[8]);
        bytes.putLong(0, value);
        return ring.publish(0, value, bytes, 0, 8);
    }

    private static long value(final FrameView view)
    {
        return view.payload().getLong(0);
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void followsEveryNewFrameAndCatchesUpAfterFallingBehind(final FleetBacking backing)
    {
        try (Fleet writer = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 0);
            Fleet reader = backing.join(dir, writer.name(), 2, 1))
        {
            final Ring out = writer.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(reader.ring(RingSpec.perNode(5, CAPACITY, 8)));
            final FrameView view = out.newFrameView();
            assertFalse(follower.readNewest(0, view), "empty lane");
            for (long v = 1; v <= 3 * CAPACITY; v++)
            {
                publish(out, v);
                assertTrue(follower.readNewest(0, view));
                assertEquals(v, value(view), "the frame just published");
                assertEquals(v - 1, view.counter());
            }
            for (long v = 3 * CAPACITY + 1; v <= 3 * CAPACITY + 5; v++)
            {
                publish(out, v); // several frames behind, inside the window: the probe chases forward
            }
            assertTrue(follower.readNewest(0, view));
            assertEquals(3 * CAPACITY + 5, value(view));
            for (long v = 3 * CAPACITY + 6; v <= 6 * CAPACITY + 3; v++)
            {
                publish(out, v); // laps: slot c+1 holds a newer lap, never delivered as c+1
            }
            assertTrue(follower.readNewest(0, view));
            assertEquals(6 * CAPACITY + 3, value(view), "the head decides after a lap, not the stale slot");
            assertEquals(out.head() - 1, view.counter());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void readIfNotCopiesNothingWhileNothingChangedAndNeverGoesBack(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(ring);
            final FrameView view = ring.newFrameView();
            assertFalse(follower.readIfNot(0, 0, view), "empty lane");
            final long first = publish(ring, 11);
            assertTrue(follower.readIfNot(0, 0, view));
            assertEquals(first, view.id());
            ((UnsafeBuffer)view.payload()).putLong(0, -7); // mark the view: a false answer must leave it alone
            assertFalse(follower.readIfNot(0, first, view));
            assertEquals(-7, value(view), "untouched while nothing changed");
            final long second = publish(ring, 12);
            assertTrue(follower.readIfNot(0, first, view));
            assertEquals(second, view.id());
            assertEquals(12, value(view));

            final LaneFollower fresh = new LaneFollower(ring); // knows nothing: the head decides, same answer
            assertFalse(fresh.readIfNot(0, second, view), "the caller's id is the newest");
            assertTrue(fresh.readIfNot(0, first, view), "an older id gets the newest frame");
            assertEquals(second, view.id());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aFrameBeingWrittenIsNotDeliveredUntilCommitted(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(ring);
            final FrameView view = ring.newFrameView();
            final long committed = publish(ring, 1);
            assertTrue(follower.readNewest(0, view));
            RingTestHooks.publishWithoutCommit(ring, 0, 2, new byte[] {9, 9, 9, 9, 9, 9, 9, 9}); // odd stamp on slot c+1, fields written
            assertTrue(follower.readNewest(0, view));
            assertEquals(committed, view.id(), "the in-flight frame is never delivered");
            assertFalse(follower.readIfNot(0, committed, view));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aCommittedStampOverAWrongIdIsNeverDelivered(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(ring);
            final FrameView view = ring.newFrameView();
            publish(ring, 1);
            assertTrue(follower.readNewest(0, view));
            final long second = publish(ring, 2);
            RingTestHooks.putId(ring, 0, 1, second + 1); // the id of another counter under a committed stamp
            assertTrue(follower.readNewest(0, view));
            assertEquals(0, view.counter(), "the damaged frame is skipped, as a lane-head read skips it");
            assertFalse(follower.readIfNot(0, view.id(), view));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aResetLaneIsFollowedFromItsNewHead(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(ring);
            final FrameView view = ring.newFrameView();
            for (long v = 1; v <= 6; v++)
            {
                publish(ring, v);
            }
            assertTrue(follower.readNewest(0, view));
            assertEquals(5, view.counter());
            ring.reset(true);
            assertFalse(follower.readNewest(0, view), "the reset lane is empty");
            publish(ring, 100);
            publish(ring, 101);
            assertTrue(follower.readNewest(0, view));
            assertEquals(101, value(view), "not pinned to the counter seen before the reset");
            assertEquals(1, view.counter());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aDamagedNextSlotHidesNewerFramesOnlyUntilTheNextHeadCheck(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, CAPACITY, 8));
            final LaneFollower follower = new LaneFollower(ring);
            final FrameView view = ring.newFrameView();
            publish(ring, 1);
            assertTrue(follower.readNewest(0, view));
            publish(ring, 2);
            publish(ring, 3);
            RingTestHooks.putStamp(ring, 0, 1, 0); // counter 1 looks never written
            int calls = 0;
            do
            {
                assertTrue(follower.readNewest(0, view));
                calls++;
            }
            while (value(view) != 3 && calls <= LaneFollower.HEAD_CHECK_INTERVAL);
            assertEquals(3, value(view), "the periodic head check finds the newest frame");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sharedRingsAndLanesOutsideTheRingAreRefused(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.shared(6, CAPACITY, 8));
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new LaneFollower(ring));
            assertTrue(error.getMessage().contains("KIND 6"), error.getMessage());
            final LaneFollower follower = new LaneFollower(fleet.ring(RingSpec.perNode(7, CAPACITY, 8)));
            final IllegalArgumentException lane = assertThrows(IllegalArgumentException.class,
                () -> follower.readNewest(1, follower.ring().newFrameView()));
            assertTrue(lane.getMessage().contains("lane 1 is outside 0..0"), lane.getMessage());
        }
    }
}
