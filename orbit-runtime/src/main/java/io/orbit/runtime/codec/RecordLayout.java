package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.ring.ComponentLayout;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The versioned layout of a record stored in a ring: its layout version, the fingerprint of its
 * version-1 components (the ring's {@code layout_fingerprint}), this version's encoded length, and
 * one descriptor per component in layout order, {@code name:type:offset:size@since} (for example
 * {@code "spare:long:8:8@2"}). A record grows only by appending components, so a frame written by
 * an older version holds a prefix of this layout and one written by a newer version holds this
 * layout as its prefix (docs/spec.md §3.x "Versioned typed rings").
 *
 * <p>The runtime treats {@code type} as opaque text; {@link #signature(int)} hashes
 * {@code type:offset:size} (name and version excluded, so renaming a component is free).
 *
 * @param version         the layout version: the highest {@code @Since} of a component, 1 when none.
 * @param baseFingerprint FNV-1a 64 of the version-1 components (0 = unspecified).
 * @param encodedLength   bytes of one value encoded by this version: the payload length of its frames.
 * @param components      one descriptor per component, in layout order.
 */
public record RecordLayout(int version, long baseFingerprint, int encodedLength, List<String> components)
    implements ComponentLayout
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * Checks the descriptors.
     *
     * @throws InvalidRingSpecException for a version below 1, a negative length, or a malformed descriptor.
     */
    public RecordLayout
    {
        if (version < 1)
        {
            throw new InvalidRingSpecException("record layout version must be 1 or more, was " + version);
        }
        if (encodedLength < 0)
        {
            throw new InvalidRingSpecException("record layout encoded length must be 0 or more, was " + encodedLength);
        }
        components = List.copyOf(components);
        int previousSince = 1;
        for (final String component : components)
        {
            final int since = parse(component).since;
            if (since < previousSince || since > version)
            {
                throw new InvalidRingSpecException("component " + component + " of a layout of version " + version
                    + ": versions must not decrease along the components and must not exceed the layout version");
            }
            previousSince = since;
        }
    }

    /**
     * @param version         the layout version.
     * @param baseFingerprint FNV-1a 64 of the version-1 components.
     * @param encodedLength   bytes of one encoded value.
     * @param components      one descriptor per component, {@code name:type:offset:size@since}.
     */
    public RecordLayout(final int version, final long baseFingerprint, final int encodedLength, final String... components)
    {
        this(version, baseFingerprint, encodedLength, List.of(components));
    }

    @Override
    public int componentCount()
    {
        return components.size();
    }

    @Override
    public String component(final int index)
    {
        return components.get(index);
    }

    /**
     * @param index component index.
     * @return the component's name.
     */
    public String name(final int index)
    {
        return parse(components.get(index)).name;
    }

    /**
     * @param index component index.
     * @return the layout version that added the component.
     */
    public int since(final int index)
    {
        return parse(components.get(index)).since;
    }

    /**
     * @param index component index.
     * @return the component's offset in the encoded value.
     */
    public int offset(final int index)
    {
        return parse(components.get(index)).offset;
    }

    /**
     * @param index component index.
     * @return the component's size in bytes.
     */
    public int size(final int index)
    {
        return parse(components.get(index)).size;
    }

    /**
     * The low byte of FNV-1a 64 over the UTF-8 bytes of {@code type:offset:size}, with 0 taken as 1
     * (a zero byte in the ring header means "no component").
     *
     * @param index component index.
     * @return the component's signature, 1..255.
     */
    @Override
    public int signature(final int index)
    {
        final String descriptor = parse(components.get(index)).identity;
        long hash = FNV_OFFSET;
        for (final byte b : descriptor.getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        final int low = (int)(hash & 0xFF);
        return low == 0 ? 1 : low;
    }

    /**
     * Whether a frame of {@code length} payload bytes holds a component: every byte of it lies inside
     * the frame. A component a frame does not hold reads as its default. Parses the descriptor
     * (allocates); generated codecs' {@code hasX(length)} readers are the zero-allocation form.
     *
     * @param index  component index.
     * @param length the frame's payload length.
     * @return true when the component ends at or before {@code length}.
     */
    public boolean isPresent(final int index, final int length)
    {
        final Descriptor descriptor = parse(components.get(index));
        return descriptor.offset + descriptor.size <= length;
    }

    /**
     * @return the bytes every version of the record writes: the end of its last version-1 component
     *         (0 when no component is listed). A frame shorter than this was not written by any version.
     */
    public int minimumLength()
    {
        int end = 0;
        for (final String component : components)
        {
            final Descriptor descriptor = parse(component);
            if (descriptor.since == 1)
            {
                end = Math.max(end, descriptor.offset + descriptor.size);
            }
        }
        return end;
    }

    private static Descriptor parse(final String component)
    {
        final int at = component == null ? -1 : component.lastIndexOf('@');
        final int firstColon = component == null ? -1 : component.indexOf(':');
        final int sizeColon = at < 0 ? -1 : component.lastIndexOf(':', at);
        final int offsetColon = sizeColon <= 0 ? -1 : component.lastIndexOf(':', sizeColon - 1);
        if (at < 0 || firstColon <= 0 || offsetColon <= firstColon)
        {
            throw new InvalidRingSpecException("record component descriptor must be name:type:offset:size@since, was " + component);
        }
        try
        {
            final int offset = Integer.parseInt(component.substring(offsetColon + 1, sizeColon));
            final int size = Integer.parseInt(component.substring(sizeColon + 1, at));
            final int since = Integer.parseInt(component.substring(at + 1));
            if (offset < 0 || size < 0 || since < 1)
            {
                throw new NumberFormatException("negative offset or size, or a version below 1");
            }
            return new Descriptor(component.substring(0, firstColon), component.substring(firstColon + 1, at), offset, size, since);
        }
        catch (final NumberFormatException ex)
        {
            throw new InvalidRingSpecException("record component descriptor must be name:type:offset:size@since, was "
                + component + " (" + ex.getMessage() + ")");
        }
    }

    /** One parsed descriptor; {@code identity} is {@code type:offset:size}, what the signature hashes. */
    private record Descriptor(String name, String identity, int offset, int size, int since)
    {
    }
}
