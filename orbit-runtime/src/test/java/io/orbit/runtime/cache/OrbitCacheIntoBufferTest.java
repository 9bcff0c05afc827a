package io.orbit.runtime.cache;

import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link OrbitCache#get(byte[], org.agrona.MutableDirectBuffer, int)} answers what {@code get}
 * answers, copying into the caller's buffer.
 */
class OrbitCacheIntoBufferTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hitsCopyMissesLeaveTheBufferAlone()
    {
        try (Fleet writer = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 0, dir.path());
            Fleet reader = Fleet.joinShmAs(writer.name(), 2, 1, dir.path()))
        {
            final OrbitCache out = OrbitCache.builder(writer).capacity(64).build();
            final OrbitCache in = OrbitCache.builder(reader).capacity(64).build();
            final UnsafeBuffer dst = new UnsafeBuffer(new byte[16]);
            dst.setMemory(0, 16, (byte)'#');
            assertEquals(-1, in.get(utf8("k"), dst, 0), "absent");
            out.put(utf8("k"), utf8("value"));
            assertEquals(5, in.get(utf8("k"), dst, 3));
            assertEquals("###value", dst.getStringWithoutLengthAscii(0, 8));
            out.put(utf8("k"), utf8("v2"));
            assertEquals(2, in.get(utf8("k"), dst, 0), "the newest PUT wins");
            assertEquals("v2", dst.getStringWithoutLengthAscii(0, 2));
            out.delete(utf8("k"));
            dst.setMemory(0, 16, (byte)'#');
            assertEquals(-1, in.get(utf8("k"), dst, 0), "deleted");
            assertEquals("################", dst.getStringWithoutLengthAscii(0, 16));

            out.put(utf8("big"), new byte[17]);
            final InvalidArgumentException error = assertThrows(InvalidArgumentException.class, () -> in.get(utf8("big"), dst, 0));
            assertTrue(error.getMessage().contains("17 bytes"), error.getMessage());
            assertThrows(InvalidArgumentException.class, () -> in.get(utf8("k"), null, 0));
        }
    }
}
