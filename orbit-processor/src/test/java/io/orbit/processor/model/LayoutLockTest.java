package io.orbit.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lock file format and the comparison, without javac.
 */
class LayoutLockTest
{
    private static final LayoutLock.Layout PUBLISHED =
        layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1");

    /**
     * @param components {@code name signature:offset:size@since}, as in the lock file.
     */
    private static LayoutLock.Layout layout(final int kind, final long payloadCapacity, final String... components)
    {
        final StringBuilder text = new StringBuilder(LayoutLock.FORMAT_LINE + "\ntype com.example.Job kind " + kind
            + " version 1 payloadCapacity " + payloadCapacity + "\n");
        for (final String component : components)
        {
            text.append("  ").append(component).append('\n');
        }
        return LayoutLock.parse(text.toString()).get("com.example.Job");
    }

    @Test
    void formatAndParseRoundTrip()
    {
        final LayoutLock lock = new LayoutLock();
        lock.put(layout(20, 32, "id long:0:8@1", "name utf8[16]:8:16@2"));
        lock.put(new LayoutLock.Layout("com.a.First", 3, 48, List.of(new LayoutLock.Component("x", "record{int,long}", 0, 16, 1))));
        final String text = lock.format();
        assertEquals(LayoutLock.HEADER + "format 2\n"
            + "type com.a.First kind 3 version 1 payloadCapacity 48\n  x record{int,long}:0:16@1\n"
            + "type com.example.Job kind 20 version 2 payloadCapacity 32\n  id long:0:8@1\n  name utf8[16]:8:16@2\n", text);
        assertEquals(text, LayoutLock.parse(text).format());
        assertFalse(LayoutLock.parse(text).legacy());
    }

    @Test
    void aLineOutsideTheFormatIsRefusedByNumber()
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> LayoutLock.parse("format 2\ntype com.a.B kind 3 version 1 payloadCapacity 32\n  x int:0:4@1 extra\n"));
        assertEquals("line 3 is not 'type <name> kind <n> version <v> payloadCapacity <bytes>' or"
            + " '<component> <signature>:<offset>:<size>@<since>': x int:0:4@1 extra", error.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> LayoutLock.parse("format 2\ntype com.a.B kind three version 1 payloadCapacity 32\n"));
        assertEquals("line 3: 'int:0@1' is not <signature>:<offset>:<size>@<since>", assertThrows(IllegalArgumentException.class,
            () -> LayoutLock.parse("format 2\ntype com.a.B kind 3 version 1 payloadCapacity 32\n  x int:0@1\n")).getMessage());
    }

    @Test
    void aLockOfOrbit010IsRecognisedAndHoldsNoLayouts()
    {
        final LayoutLock legacy = LayoutLock.parse("# Orbit layout lock\ntype com.example.Job kind 20\n  id long\n");
        assertTrue(legacy.legacy());
        assertTrue(legacy.layouts().isEmpty());
        assertFalse(LayoutLock.parse("# only comments\n").legacy());
    }

    @Test
    void renamesAndAppendsOfAHigherVersionAreCompatible()
    {
        assertNull(LayoutLock.compare(PUBLISHED, layout(20, 32, "key long:0:8@1", "points int[4]:8:16@1", "title utf8[8]:24:8@1")));
        final LayoutLock.Layout version2 =
            layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1", "flag byte:32:1@2");
        assertNull(LayoutLock.compare(PUBLISHED, version2));
        assertEquals(2, version2.version());
        assertNull(LayoutLock.compare(version2,
            layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1", "flag byte:32:1@2", "more int:36:4@3")));
    }

    @Test
    void everyOtherChangeIsNamedWithWhereToReportIt()
    {
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.KIND, -1, "its KIND changed from 20 to 21"),
            LayoutLock.compare(PUBLISHED, layout(21, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1")));
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.COMPONENT, 1,
                "component 2 (scores) was int[4] scores, now int[5] scores: its @Length changed"),
            LayoutLock.compare(PUBLISHED, layout(20, 32, "id long:0:8@1", "scores int[5]:8:20@1", "name utf8[8]:28:8@1")));
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.COMPONENT, 1,
                "component 2 (scores) was int[4] scores, now long[4] scores: its type changed"),
            LayoutLock.compare(PUBLISHED, layout(20, 48, "id long:0:8@1", "scores long[4]:8:32@1", "name utf8[8]:40:8@1")));
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.COMPONENT, 1,
                "component 2 (name) was published later in the record: components were reordered"),
            LayoutLock.compare(PUBLISHED, layout(20, 32, "id long:0:8@1", "name utf8[8]:8:8@1", "scores int[4]:16:16@1")));
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.TYPE, -1, "component 3 (utf8[8] name) was removed"),
            LayoutLock.compare(PUBLISHED, layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1")));
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.COMPONENT, 2,
                "component 3 (name) was published with @Since(1), now @Since(2): a published component keeps its version"),
            LayoutLock.compare(PUBLISHED, layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@2")));
        final LayoutLock.Incompatibility append = LayoutLock.compare(PUBLISHED,
            layout(20, 32, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1", "flag byte:32:1@1"));
        assertEquals(LayoutLock.Target.COMPONENT, append.target());
        assertEquals(3, append.component());
        assertTrue(append.change().startsWith("component 4 (byte flag) was appended without a @Since higher than the published version 1"),
            append.change());
        assertEquals(new LayoutLock.Incompatibility(LayoutLock.Target.PAYLOAD_CAPACITY, -1,
                "its payloadCapacity changed from 32 to 96 bytes, which fixes the ring's slot size"),
            LayoutLock.compare(PUBLISHED, layout(20, 96, "id long:0:8@1", "scores int[4]:8:16@1", "name utf8[8]:24:8@1")));
    }
}
