package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;

import static io.orbit.runtime.ring.CrossProcessSupport.*;

/**
 * A child JVM that acts on a ring segment exactly as an orbit-rs (era C, layout VERSION 3) process
 * does, on the raw mapped file, without the Java runtime: no lease, no reset generation, no fleet
 * version counter.
 *
 * <p>Arguments: segment file, KIND, lane count, capacity, payload capacity. Commands on stdin, each
 * answered with {@code OK <command>}:
 * <ul>
 *   <li>{@code write lane=L node=N count=K ver=V [hex=..]}: K frames into lane L as {@code write()}
 *       of a PerNode ring does ({@code c = write_pos} relaxed, stamp {@code 2c+1} release, id, ver,
 *       length, kind, payload, stamp {@code 2c+2} release, {@code write_pos = c+1} release); frame
 *       {@code i} has version {@code V+i} ({@code V = 0}: every frame version 0, as
 *       {@code Orbital::store}), frame kind {@code 0x10+i} and payload {@code rs:N:c} or the hex bytes.</li>
 *   <li>{@code reset}: {@code reset_ring()}: zero-fill every slot, {@code write_pos = 0} (release) in
 *       every lane header, {@code version_counter = 0}; the header's offset 48 is not touched.</li>
 * </ul>
 */
public final class OrbitRsProcess
{
    private OrbitRsProcess()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final Path file = Path.of(args[0]);
        final int kind = Integer.parseInt(args[1]);
        final int lanes = Integer.parseInt(args[2]);
        final int capacity = Integer.parseInt(args[3]);
        final int payloadCapacity = Integer.parseInt(args[4]);
        final int stride = RingLayout.slotStride(payloadCapacity);
        final long length = RingLayout.segmentLength(lanes, capacity, stride);
        final UnsafeBuffer memory;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            memory = new UnsafeBuffer(channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
        }
        final int slots = RingLayout.slotsOffset(lanes);
        say("READY");
        String line;
        while ((line = awaitParentLine()) != null)
        {
            final Map<String, String> fields = fields(line);
            if (line.startsWith("write"))
            {
                final int lane = Integer.parseInt(fields.get("lane"));
                final int node = Integer.parseInt(fields.get("node"));
                final long ver = Long.parseLong(fields.get("ver"));
                final int count = Integer.parseInt(fields.get("count"));
                final int head = RingLayout.laneHeaderOffset(lane) + RingLayout.WRITE_POS_OFFSET;
                for (int i = 0; i < count; i++)
                {
                    final long counter = memory.getLong(head); // Relaxed: orbit-rs trusts its process-local lane mutex
                    final int slot = (int)(slots + ((long)lane * capacity + (counter & (capacity - 1))) * stride);
                    final byte[] payload = fields.containsKey("hex") ? HexFormat.of().parseHex(fields.get("hex"))
                        : ("rs:" + node + ":" + counter).getBytes(StandardCharsets.US_ASCII);
                    memory.putLongRelease(slot + RingLayout.STAMP_OFFSET, 2 * counter + 1); // seq.store(mid, Release)
                    memory.putLong(slot + RingLayout.ID_OFFSET, NetId64.make(kind, node, counter));
                    memory.putLong(slot + RingLayout.FRAME_VERSION_OFFSET, ver == 0 ? 0 : ver + i);
                    memory.putInt(slot + RingLayout.PAYLOAD_LENGTH_OFFSET, payload.length);
                    memory.putByte(slot + RingLayout.FRAME_KIND_OFFSET, (byte)(0x10 + i));
                    memory.putBytes(slot + RingLayout.PAYLOAD_OFFSET, payload);
                    memory.putLongRelease(slot + RingLayout.STAMP_OFFSET, 2 * counter + 2); // seq.store(final, Release)
                    memory.putLongRelease(head, counter + 1); // write_pos.store(c+1, Release)
                }
            }
            else if (line.startsWith("reset"))
            {
                memory.setMemory(slots, (int)(length - slots), (byte)0);
                for (int lane = 0; lane < lanes; lane++)
                {
                    memory.putLongRelease(RingLayout.laneHeaderOffset(lane) + RingLayout.WRITE_POS_OFFSET, 0);
                }
                memory.putLongRelease(RingLayout.VERSION_COUNTER_OFFSET, 0);
            }
            else
            {
                throw new IllegalArgumentException("unknown command " + line);
            }
            say("OK " + line);
        }
    }
}
