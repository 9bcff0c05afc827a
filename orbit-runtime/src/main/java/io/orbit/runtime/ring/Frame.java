package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;

import java.util.Arrays;

/**
 * An immutable copy of one frame, for the convenient (allocating) read and poll forms.
 */
public final class Frame
{
    private final long id;
    private final int frameKind;
    private final long version;
    private final byte[] payload;

    /**
     * @param id        NetId64 raw id.
     * @param frameKind opcode inside the ring.
     * @param version   frame version.
     * @param payload   payload bytes (kept, not copied).
     */
    public Frame(final long id, final int frameKind, final long version, final byte[] payload)
    {
        this.id = id;
        this.frameKind = frameKind;
        this.version = version;
        this.payload = payload;
    }

    /**
     * @return NetId64 raw id.
     */
    public long id()
    {
        return id;
    }

    /**
     * @return opcode inside the ring.
     */
    public int frameKind()
    {
        return frameKind;
    }

    /**
     * @return frame version.
     */
    public long version()
    {
        return version;
    }

    /**
     * @return a copy of the payload.
     */
    public byte[] payload()
    {
        return payload.clone();
    }

    /**
     * @return the payload decoded as UTF-8.
     */
    public String payloadAsString()
    {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Frame other && id == other.id && frameKind == other.frameKind && version == other.version
            && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString()
    {
        return "Frame{id=" + NetId64.toString(id) + ", kind=" + frameKind + ", version=" + version + ", payload="
            + payload.length + " bytes}";
    }
}
