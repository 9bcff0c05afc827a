package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.segment.FixedHeaderFormat;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The segment of one ring: initialisation by its creator and the attach-time check of every
 * header field against the spec this process expects.
 */
final class RingSegmentFormat extends FixedHeaderFormat
{
    private final String fleet;
    private final RingSpec spec;
    private final int laneCount;

    RingSegmentFormat(final String fleet, final RingSpec spec, final int laneCount)
    {
        super(HEADER_LENGTH, MAGIC_OFFSET, MAGIC);
        this.fleet = fleet;
        this.spec = spec;
        this.laneCount = laneCount;
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
        expect(location, "capacity", spec.capacity(), header.getLong(CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "payload_capacity", spec.payloadCapacity(), header.getInt(PAYLOAD_CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "slot_stride", spec.slotStride(), header.getInt(SLOT_STRIDE_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expectFileSize(location, fileLength);
        final long found = header.getLong(LAYOUT_FINGERPRINT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (spec.fingerprint() != 0 && found != 0 && found != spec.fingerprint())
        {
            throw new SegmentLayoutException(prefix(location) + "field layout_fingerprint expected 0x"
                + Long.toHexString(spec.fingerprint()) + " but found 0x" + Long.toHexString(found)
                + ": the record stored in this ring has a different layout in another process (rebuild both, or use a new KIND)"
                + leftover(fleet, "a field of the record was added, removed, renamed or retyped since it was made"));
        }
    }

    @Override
    protected String prefix(final String location)
    {
        return "segment " + location + " (fleet " + fleet + ", KIND " + spec.kind() + "): ";
    }
}
