package io.orbit.runtime.contest;

import io.orbit.runtime.ring.FleetBacking;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.agrona.concurrent.AtomicBuffer;

import java.util.Set;

import static io.orbit.runtime.contest.ContestLayout.SLOT_SIZE;
import static io.orbit.runtime.contest.ContestLayout.slotOffset;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jqwik property of the contest slot reader: whatever bytes are in a slot, reading it never throws
 * and yields one of the documented states; a plain look-up through the contest never throws either.
 */
class ContestSlotPropertiesTest
{
    private static final int SLOTS = 8;
    private static ContestFixture fixture;
    private static Contest contest;
    private static final int[] STATUSES = new int[4];

    @BeforeContainer
    static void open()
    {
        fixture = new ContestFixture(FleetBacking.LOCAL);
        contest = fixture.contest(0, SLOTS);
    }

    @AfterContainer
    static void close()
    {
        fixture.close();
        System.out.println("ContestSlotPropertiesTest: empty/valid/corrupt/busy " + java.util.Arrays.toString(STATUSES));
        assertTrue(STATUSES[ContestTable.CORRUPT] > 0, "arbitrary bytes must reach the body checks");
    }

    @Property(tries = 1000)
    void arbitrarySlotBytesReadAsADocumentedState(
        @ForAll @Size(value = SLOT_SIZE) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = SLOTS - 1) final int slot)
    {
        final ContestTable table = ContestTestHooks.table(contest);
        final AtomicBuffer buffer = table.buffer();
        buffer.putBytes(slotOffset(slot), bytes);
        final int status = table.read(slot, new SlotSnapshot());
        assertTrue(Set.of(ContestTable.EMPTY, ContestTable.VALID, ContestTable.CORRUPT, ContestTable.BUSY).contains(status),
            "status " + status);
        STATUSES[status]++;
        buffer.setMemory(slotOffset(slot), SLOT_SIZE, (byte)0);
    }
}
