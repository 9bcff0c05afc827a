package io.orbit.runtime.contest;

import io.orbit.runtime.segment.FixedHeaderFormat;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;

import static io.orbit.runtime.contest.ContestLayout.*;

/**
 * The contest table segment: its creator writes the header (slots of a new segment are zero, which
 * reads as "never written"), and an attacher checks every header field against the slot count it
 * expects before anything is written.
 */
final class ContestSegmentFormat extends FixedHeaderFormat
{
    private final String fleet;
    private final int slotCount;

    ContestSegmentFormat(final String fleet, final int slotCount)
    {
        super(HEADER_SIZE, MAGIC_OFFSET, MAGIC);
        this.fleet = fleet;
        this.slotCount = slotCount;
    }

    @Override
    public long segmentLength()
    {
        return ContestLayout.segmentLength(slotCount);
    }

    @Override
    public void initialize(final AtomicBuffer buffer)
    {
        buffer.putShort(VERSION_OFFSET, (short)VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(HEADER_SIZE_OFFSET, (short)HEADER_SIZE, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SLOT_COUNT_OFFSET, slotCount, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SLOT_SIZE_OFFSET, SLOT_SIZE, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(FENCE_COUNTER_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(PROBE_LIMIT_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected String prefix(final String location)
    {
        return "segment " + location + " (fleet " + fleet + ", KIND " + KIND + ", contest table): ";
    }

    @Override
    protected String leftoverHint(final String field)
    {
        return leftover(fleet, "slot_count".equals(field) || "file size".equals(field)
            ? "another contest slot count (Contest.builder(fleet).slotCount) made it"
            : "another program or Orbit version made it, or it is damaged");
    }

    @Override
    public void validate(final AtomicBuffer header, final long fileLength, final String location)
    {
        expect(location, "magic", MAGIC, header.getInt(MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "version", VERSION, header.getShort(VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
        expect(location, "header_size", HEADER_SIZE, header.getShort(HEADER_SIZE_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
        expect(location, "slot_count", slotCount, header.getInt(SLOT_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        expect(location, "slot_size", SLOT_SIZE, header.getInt(SLOT_SIZE_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        expectFileSize(location, fileLength);
    }
}
