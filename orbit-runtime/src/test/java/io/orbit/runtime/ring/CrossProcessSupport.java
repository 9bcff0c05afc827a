package io.orbit.runtime.ring;

import io.orbit.runtime.testing.ChildJvm;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

/**
 * Shared pieces of the cross-process tests: the line protocol between a parent test and its child
 * JVMs (children print lines the parent awaits; the parent writes lines to a child's stdin), and
 * self-checking payloads (writer node, sequence, filler and a CRC32 over all of it).
 */
public final class CrossProcessSupport
{
    /** JVM options of a child that needs Agrona (the same flag {@link ChildJvm#start} passes). */
    public static final List<String> AGRONA_FLAG = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");

    /** Smallest self-checking payload: node (4) + sequence (8) + CRC32 (4). */
    public static final int MIN_CHECKED_LENGTH = 16;

    private static final BufferedReader STDIN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private CrossProcessSupport()
    {
    }

    // ----------------------------------------------------------------------------- line protocol

    /**
     * Child side: prints one protocol line and flushes it.
     *
     * @param line the line.
     */
    public static void say(final String line)
    {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Child side: blocks until the parent writes a line to this process's stdin.
     *
     * @return the line, or null when the parent closed stdin (it died or is done with this child).
     */
    public static String awaitParentLine()
    {
        try
        {
            return STDIN.readLine();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Child side: blocks until the parent kills this process or closes its stdin.
     */
    public static void blockUntilKilled()
    {
        while (awaitParentLine() != null)
        {
            // Keep blocking: only a kill (or the parent going away) ends this process.
        }
    }

    /**
     * Parent side: writes a line to a child's stdin.
     *
     * @param child the child.
     * @param line  the line.
     */
    public static void send(final ChildJvm child, final String line)
    {
        try
        {
            final OutputStream stdin = child.process().getOutputStream();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write to child " + child.pid() + ": " + ex, ex);
        }
    }

    /**
     * Parses {@code key=value} words of a result line.
     *
     * @param line words separated by spaces.
     * @return the values by key.
     */
    public static Map<String, String> fields(final String line)
    {
        final Map<String, String> fields = new HashMap<>();
        for (final String word : line.trim().split("\\s+"))
        {
            final int eq = word.indexOf('=');
            if (eq > 0)
            {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }

    /**
     * Parent side: waits for a condition on shared memory by polling it (a condition, not a sleep).
     *
     * @param condition the condition.
     * @param bound     how long to wait at most.
     * @param what      what is awaited, for the failure message.
     */
    public static void awaitCondition(final BooleanSupplier condition, final Duration bound, final String what)
    {
        final long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("not reached within " + bound + ": " + what);
            }
            Thread.onSpinWait();
        }
    }

    // ------------------------------------------------------------------------- checked payloads

    /**
     * Length of the self-checking payload of a sequence, varying so lengths are checked too.
     *
     * @param sequence        the writer's sequence.
     * @param payloadCapacity the ring's payload capacity, at least {@link #MIN_CHECKED_LENGTH}.
     * @return the payload length.
     */
    public static int checkedLength(final long sequence, final int payloadCapacity)
    {
        return MIN_CHECKED_LENGTH + (int)(sequence % (payloadCapacity - MIN_CHECKED_LENGTH + 1));
    }

    /**
     * Writes a self-checking payload: node (int), sequence (long), filler bytes derived from both,
     * and a CRC32 of everything before it in the last four bytes.
     *
     * @param into     buffer to fill from offset 0.
     * @param node     writer node.
     * @param sequence writer sequence.
     * @param length   total length, at least {@link #MIN_CHECKED_LENGTH}.
     * @param crc      reusable checksum.
     */
    public static void writeChecked(final UnsafeBuffer into, final int node, final long sequence, final int length, final CRC32 crc)
    {
        into.putInt(0, node);
        into.putLong(4, sequence);
        for (int i = 12; i < length - 4; i++)
        {
            into.putByte(i, (byte)(sequence * 31 + node * 7 + i));
        }
        crc.reset();
        crc.update(into.byteArray(), 0, length - 4);
        into.putInt(length - 4, (int)crc.getValue());
    }

    /**
     * Checks a self-checking payload.
     *
     * @param payload payload bytes from offset 0.
     * @param length  payload length.
     * @param scratch array of at least {@code length} bytes.
     * @param crc     reusable checksum.
     * @return true when the length, the CRC32 and the filler are all right.
     */
    public static boolean verifyChecked(final DirectBuffer payload, final int length, final byte[] scratch, final CRC32 crc)
    {
        if (length < MIN_CHECKED_LENGTH)
        {
            return false;
        }
        payload.getBytes(0, scratch, 0, length);
        crc.reset();
        crc.update(scratch, 0, length - 4);
        if (payload.getInt(length - 4) != (int)crc.getValue())
        {
            return false;
        }
        final int node = payload.getInt(0);
        final long sequence = payload.getLong(4);
        for (int i = 12; i < length - 4; i++)
        {
            if (scratch[i] != (byte)(sequence * 31 + node * 7 + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param payload a checked payload.
     * @return its writer node.
     */
    public static int checkedNode(final DirectBuffer payload)
    {
        return payload.getInt(0);
    }

    /**
     * @param payload a checked payload.
     * @return its writer sequence.
     */
    public static long checkedSequence(final DirectBuffer payload)
    {
        return payload.getLong(4);
    }
}
