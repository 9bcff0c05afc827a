package io.orbit.runtime.ring;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A reusable, zero-allocation view of one delivered frame. The payload is a private copy taken
 * under the slot's seqlock and validated, so it never changes under the reader; it stays valid
 * until the view is filled again.
 */
public final class FrameView
{
    private final UnsafeBuffer payload;
    private long id;
    private long version;
    private int frameKind;
    private int payloadLength;
    private int lane;
    private long counter;

    /**
     * @param payloadCapacity largest payload this view must hold (the ring's payload capacity).
     */
    public FrameView(final int payloadCapacity)
    {
        this.payload = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Math.max(payloadCapacity, 8), 64));
    }

    /**
     * @return the NetId64 minted by the writer.
     */
    public long id()
    {
        return id;
    }

    /**
     * @return the frame's version (timestamp or fleet-wide sequence, per substrate).
     */
    public long version()
    {
        return version;
    }

    /**
     * @return the frame kind (opcode inside the ring), 0..255.
     */
    public int frameKind()
    {
        return frameKind;
    }

    /**
     * @return payload bytes; read them at offsets {@code 0 .. payloadLength()-1}.
     */
    public DirectBuffer payload()
    {
        return payload;
    }

    /**
     * @return number of meaningful payload bytes.
     */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * @return the lane the frame was read from.
     */
    public int lane()
    {
        return lane;
    }

    /**
     * @return the full 64-bit ring counter of the frame.
     */
    public long counter()
    {
        return counter;
    }

    /**
     * @return an immutable copy of this frame (allocates).
     */
    public Frame toFrame()
    {
        final byte[] bytes = new byte[payloadLength];
        payload.getBytes(0, bytes);
        return new Frame(id, frameKind, version, bytes);
    }

    UnsafeBuffer payloadBuffer()
    {
        return payload;
    }

    void set(final long id, final long version, final int frameKind, final int payloadLength, final int lane, final long counter)
    {
        this.id = id;
        this.version = version;
        this.frameKind = frameKind;
        this.payloadLength = payloadLength;
        this.lane = lane;
        this.counter = counter;
    }
}
