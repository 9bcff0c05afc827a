package io.orbit.runtime.event;

import io.orbit.runtime.NetId64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jqwik properties of the event frame decoder: arbitrary bytes, frame kinds and versions never
 * make it throw (a buffer exactly as long as the bytes, so any read past them would), and a frame
 * it accepts is exactly header + topic + payload long.
 */
class EventFramePropertiesTest
{
    @Property(tries = 2000)
    void arbitraryBytesNeverThrowAndAcceptedFramesAddUp(
        @ForAll @Size(max = 300) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = 255) final int frameKind,
        @ForAll final long version)
    {
        final EventView view = new EventView();
        final boolean decoded = EventFrameCodec.decode(new UnsafeBuffer(bytes, 0, bytes.length), bytes.length, frameKind, version,
            NetId64.make(OrbitEventBus.KIND, 3, 7), 3, 7, view);
        if (decoded)
        {
            assertEquals(bytes.length, 12 + view.topicLength() + view.payloadLength());
            view.topic(); // malformed UTF-8 decodes with replacement characters, never throws
            assertEquals(view.payloadLength(), view.payloadBytes().length);
        }
    }
}
