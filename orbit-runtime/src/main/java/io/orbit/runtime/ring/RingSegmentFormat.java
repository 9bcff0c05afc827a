package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.segment.FixedHeaderFormat;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The segment of one ring: initialisation by its creator and the attach-time check of every
 * header field against the spec this process expects. A typed ring (one opened with a
 * {@link ComponentLayout}) also keeps its layout version and component signatures
 * ({@link LayoutStamp}), so its header is read together with lane 0's header; an untyped ring
 * (cache, events, raw specs) leaves them zero and checks them not at all.
 */
final class RingSegmentFormat extends FixedHeaderFormat
{
    private final String fleet;
    private final RingSpec spec;
    private final int laneCount;
    /** The stored record's layout; null for an untyped ring. */
    private final ComponentLayout layout;

    RingSegmentFormat(final String fleet, final RingSpec spec, final int laneCount, final ComponentLayout layout)
    {
        super(layout == null ? HEADER_LENGTH : HEADER_LENGTH + LANE_HEADER_LENGTH, MAGIC_OFFSET, MAGIC);
        this.fleet = fleet;
        this.spec = spec;
        this.laneCount = laneCount;
        this.layout = layout;
    }

    @Override
    public long segmentLength()
    {
        return RingLayout.segmentLength(laneCount, spec.capacity(), spec.slotStride());
    }

    @Override
    public void initialize(final AtomicBuffer buffer)
    {
        // Slots and lane heads of a new segment are already zero; only the header needs writing.
        buffer.putLong(CAPACITY_OFFSET, spec.capacity(), ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(VERSION_OFFSET, VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(PAYLOAD_CAPACITY_OFFSET, spec.payloadCapacity(), ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SLOT_STRIDE_OFFSET, spec.slotStride(), ByteOrder.LITTLE_ENDIAN);
        buffer.putByte(KIND_OFFSET, (byte)spec.kind());
        buffer.putByte(TOPOLOGY_OFFSET, (byte)spec.topology().code());
        buffer.putShort(LANE_COUNT_OFFSET, (short)laneCount, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(LAYOUT_FINGERPRINT_OFFSET, spec.fingerprint(), ByteOrder.LITTLE_ENDIAN);
        if (layout != null)
        {
            LayoutStamp.initialize(buffer, layout); // before the magic: an attacher that sees the magic sees the signatures
        }
    }

    @Override
    protected String leftoverHint(final String field)
    {
        return leftover(fleet, cause(field));
    }

    /** The likely reason a field differs: what a user changed since the segment was made. */
    private static String cause(final String field)
    {
        switch (field)
        {
            case "lane_count":
                return "a fleet of another size made it (PER_NODE rings have one lane per node)";
            case "kind":
            case "topology":
            case "capacity":
            case "payload_capacity":
            case "slot_stride":
            case "file size":
                return "another type or ring spec used this KIND (or another version of the record)";
            default:
                return "another program or Orbit version made it, or it is damaged";
        }
    }

    @Override
    public void validate(final AtomicBuffer header, final long fileLength, final String location)
    {
        expect(location, "magic", MAGIC, header.getInt(MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "version", VERSION, header.getInt(VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "kind", spec.kind(), header.getByte(KIND_OFFSET) & 0xFF);
        final int topology = header.getByte(TOPOLOGY_OFFSET) & 0xFF;
        if (topology == Topology.SHARED_ORDERED_CODE)
        {
            throw new SegmentLayoutException(prefix(location) + "topology is 2 (SHARED_ORDERED, written by orbit-rs), "
                + "which Orbit for Java does not support; expected " + spec.topology().code() + " (" + spec.topology() + ")");
        }
        expect(location, "topology", spec.topology().code(), topology);
        expect(location, "lane_count", laneCount, header.getShort(LANE_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
        final long found = header.getLong(LAYOUT_FINGERPRINT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final boolean fingerprintDiffers = spec.fingerprint() != 0 && found != 0 && found != spec.fingerprint();
        if (layout != null)
        {
            validateComponents(header, location, fingerprintDiffers);
        }
        expect(location, "capacity", spec.capacity(), header.getLong(CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN));
        final int payloadCapacity = header.getInt(PAYLOAD_CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (layout != null && payloadCapacity != spec.payloadCapacity())
        {
            throw new SegmentLayoutException(prefix(location) + "field payload_capacity expected " + spec.payloadCapacity()
                + " but found " + payloadCapacity + ": the record stored in this ring reserves another payload capacity"
                + versions(header) + "; the payload capacity is fixed for every layout version of a record"
                + leftover(fleet, "@OrbitTyped(payloadCapacity) or the record's version-1 components changed since it was made"));
        }
        expect(location, "payload_capacity", spec.payloadCapacity(), payloadCapacity);
        expect(location, "slot_stride", spec.slotStride(), header.getInt(SLOT_STRIDE_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expectFileSize(location, fileLength);
        if (fingerprintDiffers)
        {
            throw new SegmentLayoutException(prefix(location) + "field layout_fingerprint expected 0x"
                + Long.toHexString(spec.fingerprint()) + " but found 0x" + Long.toHexString(found)
                + ": the record stored in this ring has a different layout in another process (rebuild both, or use a new KIND)"
                + leftover(fleet, "a field of the record was added, removed, renamed or retyped since it was made"));
        }
    }

    /**
     * Typed rings: the components both this process and the ring know must agree, and so must the
     * base fingerprint; refused naming both layout versions and the first differing component.
     */
    private void validateComponents(final AtomicBuffer header, final String location, final boolean fingerprintDiffers)
    {
        final int differing = LayoutStamp.firstDifference(header, layout);
        if (differing != LayoutStamp.AGREE)
        {
            throw incompatible(header, location, differing);
        }
        if (fingerprintDiffers)
        {
            final int known = Math.min(layout.componentCount(), LayoutStamp.storedCount(header));
            final String where = known == SIGNATURE_CAPACITY
                ? "the first differing component lies beyond the first " + SIGNATURE_CAPACITY + " components, whose signatures "
                    + "the header keeps"
                : known == 0
                    ? "the ring keeps no component signatures (made by an untyped process or an older Orbit), so the "
                        + "differing component is not known"
                    : "the " + known + " component signatures both know agree, so the difference is one the one-byte "
                        + "signatures do not show";
            throw new SegmentLayoutException(prefix(location) + "field layout_fingerprint expected 0x"
                + Long.toHexString(spec.fingerprint()) + " but found 0x"
                + Long.toHexString(header.getLong(LAYOUT_FINGERPRINT_OFFSET, ByteOrder.LITTLE_ENDIAN))
                + ": the record stored in this ring has an incompatible layout" + versions(header) + "; " + where
                + leftover(fleet, "a component of the record's version 1 was removed, reordered or retyped since it was made"));
        }
    }

    /**
     * @param header   at least the segment header and lane 0's header.
     * @param location the segment's file.
     * @param index    the first component whose signature differs.
     * @return the refusal naming both layout versions and the component.
     */
    SegmentLayoutException incompatible(final AtomicBuffer header, final String location, final int index)
    {
        return new SegmentLayoutException(prefix(location) + "the record stored in this ring has an incompatible layout"
            + versions(header) + "; the first differing component is component " + index + " (this process: "
            + layout.component(index) + "): components may only be appended, never reordered, removed or retyped"
            + leftover(fleet, "a component of the record was reordered, removed or retyped, or its @Length changed, "
                + "since the ring was made"));
    }

    private String versions(final AtomicBuffer header)
    {
        return " (layout version " + layout.version() + " in this process, layout version " + Integer.toUnsignedString(LayoutStamp.storedVersion(header))
            + " in the ring)";
    }

    @Override
    protected String prefix(final String location)
    {
        return "segment " + location + " (fleet " + fleet + ", KIND " + spec.kind() + "): ";
    }
}
