package io.orbit.runtime.heartbeat;

import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.segment.FixedHeaderFormat;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;

import static io.orbit.runtime.heartbeat.HeartbeatTableLayout.*;

/**
 * The heartbeat table segment ({@link HeartbeatTableLayout}): its creator writes the header, an
 * attacher checks every header field and the file size against the fleet it joined. A mismatch
 * raises {@link SegmentLayoutException} naming the file, fleet, KIND, field, expected and found value;
 * nothing is written to a segment that failed validation.
 */
final class HeartbeatTableFormat extends FixedHeaderFormat
{
    /** The ring magic ("ORBT"), recognised only to explain a ring segment found under this KIND. */
    private static final int RING_MAGIC = 0x4F524254;

    private final String fleet;
    private final int kind;
    private final int slots;

    HeartbeatTableFormat(final String fleet, final int kind, final int slots)
    {
        super(HEADER_LENGTH, MAGIC_OFFSET, MAGIC);
        this.fleet = fleet;
        this.kind = kind;
        this.slots = slots;
    }

    @Override
    public long segmentLength()
    {
        return HeartbeatTableLayout.segmentLength(slots);
    }

    @Override
    public void initialize(final AtomicBuffer buffer)
    {
        // Slots of a new segment are already zero ("never beaten"); only the header needs writing.
        buffer.putInt(SLOT_COUNT_OFFSET, slots, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SLOT_SIZE_OFFSET, SLOT_SIZE, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(VERSION_OFFSET, VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putByte(KIND_OFFSET, (byte)kind);
    }

    @Override
    protected String leftoverHint(final String field)
    {
        return leftover(fleet, "slot_count".equals(field) || "file size".equals(field)
            ? "a fleet of another size made it (every process of a fleet must join it with the same size)"
            : "another program or Orbit version made it, or it is damaged");
    }

    @Override
    public void validate(final AtomicBuffer header, final long fileLength, final String location)
    {
        final int magic = header.getInt(MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (magic == RING_MAGIC)
        {
            throw new SegmentLayoutException(prefix(location) + "field magic expected 0x" + Integer.toHexString(MAGIC)
                + " (OHBT, heartbeat table) but found 0x" + Integer.toHexString(magic) + " (ORBT): this is a ring segment, "
                + "such as orbit-rs's heartbeat ring; remove it once no process uses the fleet");
        }
        expect(location, "magic", MAGIC, magic);
        expect(location, "version", VERSION, header.getInt(VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN));
        expect(location, "kind", kind, header.getByte(KIND_OFFSET) & 0xFF);
        expect(location, "slot_count", slots, header.getInt(SLOT_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        expect(location, "slot_size", SLOT_SIZE, header.getInt(SLOT_SIZE_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        expectFileSize(location, fileLength);
    }

    @Override
    protected String prefix(final String location)
    {
        return "heartbeat table " + location + " (fleet " + fleet + ", KIND " + kind + "): ";
    }
}
