package com.example;

import com.example.proof.Proof;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.ring.FrameView;

/**
 * The version-2 process: reads frames of version 1 with defaults for the components they lack.
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
        return "v2";
    }

    @Override
    public OrbitCodec<Load> codec()
    {
        return LoadCodec.CODEC;
    }

    @Override
    public Load value(final int i, final int node)
    {
        return new Load(i, i ^ (0x5A5A + node), i * 10L, "h" + i, i % 2 == 1 ? Load.Mode.DRAINING : Load.Mode.NORMAL);
    }

    @Override
    public int sequence(final FrameView frame)
    {
        return LoadCodec.busy(frame.payload(), 0);
    }

    @Override
    public String problem(final FrameView frame, final int peer)
    {
        final int length = frame.payloadLength();
        final Load value = LoadCodec.decode(frame.payload(), 0, length);
        if (value.idle() != (value.busy() ^ (0x5A5A + peer)))
        {
            return "busy " + value.busy() + " with idle " + value.idle();
        }
        final Load expected = LoadCodec.hasQueued(length)
            ? value(value.busy(), peer)
            : new Load(value.busy(), value.idle(), 0L, "", Load.Mode.NORMAL);
        if (LoadCodec.hasMode(length) != LoadCodec.hasQueued(length))
        {
            return "a frame of " + length + " bytes holds part of version 2";
        }
        return expected.equals(value) ? null : "read " + value + " from a frame of " + length + " bytes, expected " + expected;
    }

    @Override
    public String describe(final Load value, final int length)
    {
        return "busy=" + value.busy() + " queued=" + value.queued() + " host='" + value.host() + "' mode=" + value.mode()
            + " length=" + length;
    }
}
