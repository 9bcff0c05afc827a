package io.orbit.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lock file format and the comparison, without javac.
 */
class LayoutLockTest
{
    private static LayoutLock.Layout layout(final int kind, final String... components)
    {
        final List<LayoutLock.Component> list = new java.util.ArrayList<>();
        for (final String component : components)
        {
            final String[] parts = component.split(" ");
            list.add(new LayoutLock.Component(parts[1], parts[0]));
        }
        return new LayoutLock.Layout("com.example.Job", kind, list);
    }

    @Test
    void formatAndParseRoundTrip()
    {
        final LayoutLock lock = new LayoutLock();
        lock.put(layout(20, "long id", "utf8[16] name"));
        lock.put(new LayoutLock.Layout("com.a.First", 3, List.of(new LayoutLock.Component("x", "record{int,long}"))));
        final String text = lock.format();
        assertEquals(LayoutLock.HEADER + "type com.a.First kind 3\n  x record{int,long}\ntype com.example.Job kind 20\n"
            + "  id long\n  name utf8[16]\n", text);
        assertEquals(text, LayoutLock.parse(text).format());
    }

    @Test
    void aLineOutsideTheFormatIsRefusedByNumber()
    {
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> LayoutLock.parse("type com.a.B kind 3\n  x int extra\n"));
        assertEquals("line 2 is not 'type <name> kind <n>' or '<component> <signature>': x int extra", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayoutLock.parse("type com.a.B kind three\n"));
    }

    @Test
    void renamesAreFreeAndEveryOtherChangeIsNamed()
    {
        final LayoutLock.Layout published = layout(20, "long id", "int[4] scores", "utf8[16] name");
        assertNull(LayoutLock.compare(published, layout(20, "long key", "int[4] points", "utf8[16] title")));
        assertEquals(new LayoutLock.Incompatibility(-1, "its KIND changed from 20 to 21"),
            LayoutLock.compare(published, layout(21, "long id", "int[4] scores", "utf8[16] name")));
        assertEquals(new LayoutLock.Incompatibility(1, "component 2 (scores) was int[4] scores, now int[5] scores: its @Length changed"),
            LayoutLock.compare(published, layout(20, "long id", "int[5] scores", "utf8[16] name")));
        assertEquals(new LayoutLock.Incompatibility(1, "component 2 (scores) was int[4] scores, now long[4] scores: its type changed"),
            LayoutLock.compare(published, layout(20, "long id", "long[4] scores", "utf8[16] name")));
        assertEquals(new LayoutLock.Incompatibility(1, "component 2 (name) was published later in the record: components were reordered"),
            LayoutLock.compare(published, layout(20, "long id", "utf8[16] name", "int[4] scores")));
        assertEquals(new LayoutLock.Incompatibility(-1, "component 3 (utf8[16] name) was removed"),
            LayoutLock.compare(published, layout(20, "long id", "int[4] scores")));
        assertEquals(3, LayoutLock.compare(published, layout(20, "long id", "int[4] scores", "utf8[16] name", "byte flag")).component());
    }
}
