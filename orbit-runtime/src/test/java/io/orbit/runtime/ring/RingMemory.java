package io.orbit.runtime.ring;

import org.agrona.concurrent.AtomicBuffer;

/**
 * Raw access to a ring's memory (the mapped file or the process-local buffer), for tests that play
 * a writer frozen mid-write or damage a slot. Offsets are those of SPEC §3.3.
 */
final class RingMemory
{
    static final int STAMP = 0;
    static final int ID = 8;
    static final int PAYLOAD_LENGTH = 24;

    private RingMemory()
    {
    }

    static AtomicBuffer of(final Ring ring)
    {
        return ring.memory();
    }

    static long stamp(final Ring ring, final int lane, final long counter)
    {
        return of(ring).getLongVolatile(ring.slotOffset(lane, counter) + STAMP);
    }

    static void putStamp(final Ring ring, final int lane, final long counter, final long stamp)
    {
        of(ring).putLongRelease(ring.slotOffset(lane, counter) + STAMP, stamp);
    }

    static long id(final Ring ring, final int lane, final long counter)
    {
        return of(ring).getLongVolatile(ring.slotOffset(lane, counter) + ID);
    }

    static void putId(final Ring ring, final int lane, final long counter, final long id)
    {
        of(ring).putLongVolatile(ring.slotOffset(lane, counter) + ID, id);
    }

    static void putPayloadLength(final Ring ring, final int lane, final long counter, final int length)
    {
        of(ring).putIntVolatile(ring.slotOffset(lane, counter) + PAYLOAD_LENGTH, length);
    }
}
