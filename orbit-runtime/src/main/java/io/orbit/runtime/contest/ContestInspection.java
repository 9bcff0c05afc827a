package io.orbit.runtime.contest;

import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static io.orbit.runtime.contest.ContestLayout.*;

/**
 * One read of a whole contest table without joining its fleet (inspection tools; the table may be
 * mapped read-only): its header and every slot that holds a lease record.
 *
 * @param slotCount      slots of the table.
 * @param lastFenceToken last fence token issued.
 * @param probeLimit     the table's probe limit.
 * @param holders        every HELD slot, live or expired (compare {@link Holder#expiresAtNanos()} with the monotonic clock).
 * @param free           slots holding a released lease (tombstones).
 * @param corrupt        slots that are stable but do not pass their checksum.
 * @param busy           slots being updated during the read.
 */
public record ContestInspection(int slotCount, long lastFenceToken, int probeLimit, List<Holder> holders, int free, int corrupt, int busy)
{
    /** The reserved KIND of the contest table. */
    public static final int KIND = ContestLayout.KIND;

    /**
     * @param slotCount slots of a contest table.
     * @return bytes of its segment.
     */
    public static long segmentLength(final int slotCount)
    {
        return ContestLayout.segmentLength(slotCount);
    }

    /**
     * @param table the whole contest table segment.
     * @return its contents, or a table of 0 slots when the header is not a ready contest header.
     */
    public static ContestInspection read(final AtomicBuffer table)
    {
        if (table.capacity() < HEADER_SIZE || table.getIntAcquire(MAGIC_OFFSET) != MAGIC) // acquire: pairs with the creator's release of the magic
        {
            return new ContestInspection(0, 0, 0, List.of(), 0, 0, 0);
        }
        final int slots = (int)Math.min(table.getInt(SLOT_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL,
            (table.capacity() - HEADER_SIZE) / SLOT_SIZE);
        final ContestTable reader = new ContestTable(table, slots);
        final SlotSnapshot snapshot = new SlotSnapshot();
        final List<Holder> holders = new ArrayList<>();
        int free = 0;
        int corrupt = 0;
        int busy = 0;
        for (int slot = 0; slot < slots; slot++)
        {
            final int status = reader.read(slot, snapshot);
            if (status == ContestTable.VALID)
            {
                if (snapshot.isHeld())
                {
                    holders.add(snapshot.toHolder());
                }
                else
                {
                    free++;
                }
            }
            else if (status == ContestTable.CORRUPT)
            {
                corrupt++;
            }
            else if (status == ContestTable.BUSY)
            {
                busy++;
            }
        }
        return new ContestInspection(slots, reader.lastFenceToken(), reader.probeLimit(), List.copyOf(holders), free, corrupt, busy);
    }
}
