package io.orbit.runtime.cache;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.ring.RingLayout;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A SHARED-ring writer working straight on the mapped segment file, split into its two halves
 * (docs/spec.md §3.4): {@link #claim} takes a counter and marks its slot as being written (odd stamp, id
 * first), {@link #commit} writes the frame and commits it. Between the two the counter is
 * <em>pending</em>, as it is for a writer paused (GC, SIGSTOP) between claim and commit.
 */
final class RawSharedWriter
{
    private final UnsafeBuffer memory;
    private final RingSpec spec;
    private final int slotsOffset = RingLayout.slotsOffset(1);

    private RawSharedWriter(final UnsafeBuffer memory, final RingSpec spec)
    {
        this.memory = memory;
        this.spec = spec;
    }

    /**
     * Maps an existing cache ring segment.
     */
    static RawSharedWriter map(final Path directory, final String fleet, final RingSpec spec)
    {
        final Path file = directory.resolve(SegmentNames.segment(fleet, spec.kind()));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long length = spec.segmentLength(1);
            return new RawSharedWriter(new UnsafeBuffer(channel.map(FileChannel.MapMode.READ_WRITE, 0, length)), spec);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Claims the next counter as {@code node} and leaves its slot mid-write.
     *
     * @return the claimed counter.
     */
    long claim(final int node)
    {
        final long counter = memory.getAndAddLong(RingLayout.laneHeaderOffset(0) + RingLayout.WRITE_POS_OFFSET, 1);
        final int slot = slot(counter);
        final long stamp = memory.getLongVolatile(slot + RingLayout.STAMP_OFFSET);
        if (stamp >= 2 * counter + 1 || (stamp & 1) == 1 || !memory.compareAndSetLong(slot + RingLayout.STAMP_OFFSET, stamp, 2 * counter + 1))
        {
            throw new AssertionError("slot of counter " + counter + " is not free for the test writer: stamp " + stamp);
        }
        VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
        memory.putLong(slot + RingLayout.ID_OFFSET, NetId64.make(spec.kind(), node, counter));
        return counter;
    }

    /**
     * Writes and commits the frame of a claimed counter.
     */
    void commit(final long counter, final int frameKind, final byte[] payload)
    {
        final int slot = slot(counter);
        memory.putLong(slot + RingLayout.FRAME_VERSION_OFFSET, 0);
        memory.putInt(slot + RingLayout.PAYLOAD_LENGTH_OFFSET, payload.length);
        memory.putByte(slot + RingLayout.FRAME_KIND_OFFSET, (byte)frameKind);
        memory.putBytes(slot + RingLayout.PAYLOAD_OFFSET, payload);
        // CAS, as a real writer commits: fails only if the slot was taken over meanwhile.
        if (!memory.compareAndSetLong(slot + RingLayout.STAMP_OFFSET, 2 * counter + 1, 2 * counter + 2))
        {
            throw new AssertionError("slot of counter " + counter + " was taken over before the test writer committed");
        }
    }

    private int slot(final long counter)
    {
        return (int)(slotsOffset + (counter & (spec.capacity() - 1L)) * spec.slotStride());
    }
}
