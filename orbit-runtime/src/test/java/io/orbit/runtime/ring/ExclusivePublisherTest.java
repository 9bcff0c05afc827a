package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.FleetClosedException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class ExclusivePublisherTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void holdsTheLaneUntilClosedAndPublishesLikeTheRing(final FleetBacking backing) throws Exception
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(5, 8, 16));
            final RingCursor cursor = ring.cursorFromStart();
            final UnsafeBuffer payload = new UnsafeBuffer("first".getBytes(StandardCharsets.UTF_8));
            final CompletableFuture<Long> waiting;
            try (ExclusivePublisher publisher = ring.exclusivePublisher())
            {
                assertEquals("5:1:0", io.orbit.runtime.NetId64.toString(publisher.publish(3, 7, payload, 0, 5)));
                waiting = CompletableFuture.supplyAsync(() -> ring.publish(3, 8, "second".getBytes(StandardCharsets.UTF_8)));
                assertThrows(java.util.concurrent.TimeoutException.class, () -> waiting.get(100, TimeUnit.MILLISECONDS),
                    "another publisher of the handle waits while the lane is held");
                assertEquals(1, ring.head(1));
            }
            assertEquals("5:1:1", io.orbit.runtime.NetId64.toString(waiting.get(10, TimeUnit.SECONDS)), "then gets the next counter");
            final RingPoll poll = cursor.poll();
            assertEquals(2, poll.frames().size());
            assertEquals("first", poll.frames().get(0).payloadAsString());
            assertEquals(7, poll.frames().get(0).version());
            assertEquals("second", poll.frames().get(1).payloadAsString());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void refusesOversizeAndUseAfterClose(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(6, 8, 4));
            final ExclusivePublisher publisher = ring.exclusivePublisher();
            assertThrows(io.orbit.runtime.exceptions.PayloadTooLargeException.class, () -> publisher.publish(0, 0, new UnsafeBuffer(new byte[5]), 0, 5));
            assertEquals(0, ring.head(0), "nothing claimed");
            publisher.close();
            assertThrows(FleetClosedException.class, () -> publisher.publish(0, 0, new UnsafeBuffer(new byte[1]), 0, 1));
            ring.publish(0, 0, new byte[1]); // the lane is free again
            assertEquals(1, ring.head(0));
        }
    }
}
