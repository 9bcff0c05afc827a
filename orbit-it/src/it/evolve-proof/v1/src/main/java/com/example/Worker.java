package com.example;

import com.example.proof.Proof;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.ring.FrameView;

/**
 * The version-1 process: knows {@code busy} and {@code idle} only, and reads any frame by that prefix.
 */
public final class Worker implements Proof.Version<Load>
{
    private Worker()
    {
    }

    /**
     * @param args see {@link Proof}.
     */
    public static void main(final String[] args)
    {
        Proof.run(new Worker(), args);
    }

    @Override
    public String name()
    {
        return "v1";
    }

    @Override
    public OrbitCodec<Load> codec()
    {
        return LoadCodec.CODEC;
    }

    @Override
    public Load value(final int i, final int node)
    {
        return new Load(i, i ^ (0x5A5A + node));
    }

    @Override
    public int sequence(final FrameView frame)
    {
        return LoadCodec.busy(frame.payload(), 0);
    }

    @Override
    public String problem(final FrameView frame, final int peer)
    {
        final int busy = LoadCodec.busy(frame.payload(), 0);
        final int idle = LoadCodec.idle(frame.payload(), 0);
        if (frame.payloadLength() < LoadCodec.ENCODED_LENGTH)
        {
            return "payload of " + frame.payloadLength() + " bytes, shorter than version 1";
        }
        return idle == (busy ^ (0x5A5A + peer)) ? null : "busy " + busy + " with idle " + idle;
    }

    @Override
    public String describe(final Load value, final int length)
    {
        return "busy=" + value.busy() + " idle=" + value.idle() + " length=" + length;
    }
}
