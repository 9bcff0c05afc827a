package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.stress.Payloads;

/**
 * What a cursor of the PER_NODE stress tests delivered: the sequences in delivery order, and whether
 * any frame was torn (payload, version and id not all naming one publish) or out of order. Frames
 * are published on node 0 of ring KIND 1 with version = sequence and counter = sequence - 1.
 */
final class DeliveredFrames implements FrameHandler
{
    private final StringBuilder seen = new StringBuilder();
    private boolean torn;
    private long last;

    @Override
    public void onFrame(final FrameView frame)
    {
        final long sequence = frame.version();
        if (!Payloads.whole(frame.payload(), frame.payloadLength(), sequence) || sequence <= last
            || frame.id() != NetId64.make(1, 0, sequence - 1))
        {
            torn = true;
        }
        last = sequence;
        seen.append(seen.length() == 0 ? "" : " ").append(sequence);
    }

    /** Forgets the sequences seen so far (the order check keeps the last one). */
    void forget()
    {
        seen.setLength(0);
    }

    /** @return the sequences delivered, space-separated, or "-" for none. */
    String seen()
    {
        return seen.length() == 0 ? "-" : seen.toString();
    }

    boolean torn()
    {
        return torn;
    }
}
