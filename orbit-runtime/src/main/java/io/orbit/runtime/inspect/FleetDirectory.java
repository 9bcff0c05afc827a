package io.orbit.runtime.inspect;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.InvalidFleetNameException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.contest.ContestInspection;
import io.orbit.runtime.fleet.FleetName;
import io.orbit.runtime.fleet.NodeLeaseProbe;
import io.orbit.runtime.heartbeat.HeartbeatTableLayout;
import io.orbit.runtime.ring.RingLayout;
import io.orbit.runtime.ring.Topology;
import io.orbit.runtime.segment.ProcessIdentity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists the fleets of a shared-memory directory from file names ({@code orbit-{fleet}-{kind}-{uid}},
 * {@code orbit-{fleet}-node{n}-{uid}.lock}), reads each segment's header with a plain read (no
 * mapping) and probes each lease of this uid as a joining fleet would, without creating anything.
 */
public final class FleetDirectory
{
    private static final String PREFIX = "orbit-";
    private static final String LOCK_SUFFIX = ".lock";
    /** The contest table keeps its magic at offset 0, rings and the heartbeat table at 16. */
    private static final int CONTEST_MAGIC = 0x4F435354;
    private static final int CONTEST_SLOT_COUNT_OFFSET = 8;

    private FleetDirectory()
    {
    }

    /**
     * @param directory a shared-memory directory.
     * @return its fleets and unparsed Orbit-looking files.
     * @throws OrbitException when the directory cannot be listed.
     */
    public static DirectoryListing list(final Path directory)
    {
        final Map<String, List<SegmentFile>> segments = new TreeMap<>();
        final Map<String, List<LeaseFile>> leases = new TreeMap<>();
        final List<Path> unparsed = new ArrayList<>();
        final Duration readyBound = OrbitProperties.attachTimeout();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*"))
        {
            for (final Path file : entries)
            {
                if (Files.isDirectory(file))
                {
                    continue; // a directory (such as a test's private shm directory) is never a segment
                }
                final String[] parts = file.getFileName().toString().split("-", -1);
                if (parts.length != 4 || parts[1].isEmpty())
                {
                    unparsed.add(file);
                    continue;
                }
                final String fleet = parts[1];
                if (!validName(fleet))
                {
                    unparsed.add(file);
                    continue;
                }
                final boolean lease = parts[2].startsWith("node") && parts[3].endsWith(LOCK_SUFFIX);
                final int uid = parseInt(lease ? parts[3].substring(0, parts[3].length() - LOCK_SUFFIX.length()) : parts[3]);
                final int number = parseInt(lease ? parts[2].substring(4) : parts[2]);
                if (uid < 0 || number < 0)
                {
                    unparsed.add(file);
                    continue;
                }
                final String key = fleet + "\u0000" + uid;
                if (lease)
                {
                    leases.computeIfAbsent(key, k -> new ArrayList<>()).add(lease(directory, file, fleet, uid, number));
                }
                else
                {
                    segments.computeIfAbsent(key, k -> new ArrayList<>()).add(segment(file, number, readyBound));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new OrbitException("cannot list the shared-memory directory " + directory + ": " + ex
                + " (run 'orbit doctor' to check it)", ex);
        }
        final List<FleetFiles> fleets = new ArrayList<>();
        final TreeMap<String, Boolean> keys = new TreeMap<>();
        segments.keySet().forEach(k -> keys.put(k, true));
        leases.keySet().forEach(k -> keys.put(k, true));
        for (final String key : keys.keySet())
        {
            final int split = key.indexOf('\u0000');
            final List<SegmentFile> fleetSegments = new ArrayList<>(segments.getOrDefault(key, List.of()));
            final List<LeaseFile> fleetLeases = new ArrayList<>(leases.getOrDefault(key, List.of()));
            fleetSegments.sort(Comparator.comparingInt(SegmentFile::kind));
            fleetLeases.sort(Comparator.comparingInt(LeaseFile::node));
            fleets.add(new FleetFiles(key.substring(0, split), Integer.parseInt(key.substring(split + 1)),
                List.copyOf(fleetSegments), List.copyOf(fleetLeases)));
        }
        unparsed.sort(Comparator.naturalOrder());
        return new DirectoryListing(directory, List.copyOf(fleets), List.copyOf(unparsed));
    }

    private static LeaseFile lease(final Path directory, final Path file, final String fleet, final int uid, final int node)
    {
        if (uid != ProcessIdentity.uid())
        {
            return new LeaseFile(file, node, true, -1); // another uid's lock cannot be probed: assume held
        }
        final NodeLeaseProbe probe = new NodeLeaseProbe(fleet, directory);
        final boolean alive = probe.isAlive(node);
        return new LeaseFile(file, node, alive, probe.recordedPid(node));
    }

    private static SegmentFile segment(final Path file, final int kind, final Duration readyBound) throws IOException
    {
        final long size = Files.size(file);
        final Instant modified = Files.getLastModifiedTime(file).toInstant();
        int owner = -1;
        try
        {
            owner = ((Number)Files.getAttribute(file, "unix:uid")).intValue();
        }
        catch (final UnsupportedOperationException | IllegalArgumentException ex)
        {
            // No unix view on this file system: the owner stays unknown.
        }
        final ByteBuffer header = ByteBuffer.allocate(RingLayout.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            while (header.hasRemaining() && channel.read(header, header.position()) > 0)
            {
                // read until the header is full or the file ends
            }
        }
        catch (final IOException ex)
        {
            return new SegmentFile(file, kind, size, owner, modified, SegmentType.STALE, null, 0, "cannot read: " + ex.getMessage());
        }
        if (header.position() < RingLayout.HEADER_LENGTH)
        {
            return initialisingOrStale(file, kind, size, owner, modified, readyBound, "shorter than a header (" + size + " bytes)");
        }
        final int magic16 = header.getInt(RingLayout.MAGIC_OFFSET);
        if (magic16 == RingLayout.MAGIC)
        {
            return ring(file, kind, size, owner, modified, header);
        }
        if (magic16 == HeartbeatTableLayout.MAGIC)
        {
            final int slots = header.getInt(HeartbeatTableLayout.SLOT_COUNT_OFFSET);
            return sized(file, kind, size, owner, modified, SegmentType.HEARTBEAT_TABLE, slots, HeartbeatTableLayout.segmentLength(slots));
        }
        if (header.getInt(0) == CONTEST_MAGIC)
        {
            final int slots = header.getInt(CONTEST_SLOT_COUNT_OFFSET);
            return sized(file, kind, size, owner, modified, SegmentType.CONTEST_TABLE, slots, ContestInspection.segmentLength(slots));
        }
        if (magic16 == 0 && header.getInt(0) == 0)
        {
            return initialisingOrStale(file, kind, size, owner, modified, readyBound, "ready word is 0");
        }
        return new SegmentFile(file, kind, size, owner, modified, SegmentType.STALE, null, 0,
            "unknown magic 0x" + Integer.toHexString(magic16));
    }

    private static SegmentFile ring(
        final Path file, final int kind, final long size, final int owner, final Instant modified, final ByteBuffer header)
    {
        final int code = header.get(RingLayout.TOPOLOGY_OFFSET) & 0xFF;
        final Topology topology = code == Topology.PER_NODE.code() ? Topology.PER_NODE : code == Topology.SHARED.code() ? Topology.SHARED : null;
        final RingHeader ring = new RingHeader(
            header.get(RingLayout.KIND_OFFSET) & 0xFF,
            header.getInt(RingLayout.VERSION_OFFSET),
            header.getLong(RingLayout.CAPACITY_OFFSET),
            header.getInt(RingLayout.PAYLOAD_CAPACITY_OFFSET),
            header.getInt(RingLayout.SLOT_STRIDE_OFFSET),
            topology,
            header.getShort(RingLayout.LANE_COUNT_OFFSET) & 0xFFFF,
            header.getLong(RingLayout.LAYOUT_FINGERPRINT_OFFSET),
            header.getLong(RingLayout.VERSION_COUNTER_OFFSET),
            header.getLong(RingLayout.RESET_GENERATION_OFFSET));
        final long expected = RingLayout.segmentLength(ring.laneCount(), (int)ring.capacity(), ring.slotStride());
        String problem = "";
        if (ring.version() != RingLayout.VERSION)
        {
            problem = "layout version " + ring.version() + ", expected " + RingLayout.VERSION;
        }
        else if (topology == null)
        {
            problem = "topology code " + code + " is not supported by Orbit for Java";
        }
        else if (expected != size)
        {
            problem = "file is " + size + " bytes but its header describes " + expected;
        }
        return new SegmentFile(file, kind, size, owner, modified, problem.isEmpty() ? SegmentType.RING : SegmentType.STALE, ring, 0, problem);
    }

    private static SegmentFile sized(
        final Path file,
        final int kind,
        final long size,
        final int owner,
        final Instant modified,
        final SegmentType type,
        final int slots,
        final long expected)
    {
        if (slots <= 0 || expected != size)
        {
            return new SegmentFile(file, kind, size, owner, modified, SegmentType.STALE, null, slots,
                "file is " + size + " bytes but its header describes " + expected);
        }
        return new SegmentFile(file, kind, size, owner, modified, type, null, slots, "");
    }

    private static SegmentFile initialisingOrStale(
        final Path file,
        final int kind,
        final long size,
        final int owner,
        final Instant modified,
        final Duration readyBound,
        final String reason)
    {
        final boolean young = Duration.between(modified, Instant.now()).compareTo(readyBound) <= 0;
        return new SegmentFile(file, kind, size, owner, modified, young ? SegmentType.INITIALISING : SegmentType.STALE, null, 0,
            young ? reason + " (being created)" : reason + ": its creator died while initialising it");
    }

    private static boolean validName(final String fleet)
    {
        try
        {
            FleetName.validate(fleet);
            return true;
        }
        catch (final InvalidFleetNameException ex)
        {
            return false;
        }
    }

    private static int parseInt(final String text)
    {
        if (text.isEmpty() || text.length() > 9)
        {
            return -1;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
