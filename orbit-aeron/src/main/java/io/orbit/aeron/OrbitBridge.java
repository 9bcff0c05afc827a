package io.orbit.aeron;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.Configuration;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.NodeHeartbeat;
import io.orbit.runtime.heartbeat.NodeState;
import io.orbit.runtime.ring.Ring;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.orbit.aeron.WireFormat.*;

/**
 * One host's bridge of a grid: one logical fleet made of the per-host fleets of several hosts.
 *
 * <p>It joins the local shared-memory fleet as the first node of its host's range
 * ({@link GridLayout}), starts an embedded Aeron media driver (directory under the fleet's
 * directory), and runs one duty thread that
 * <ul>
 *   <li>sends, to every peer over UDP unicast (or once to a multicast group), batched, the frames of
 *       this host's nodes of every bridged ring (one Aeron stream per ring, {@link RingSender}), and every beat a control message with
 *       the liveness (lease) and heartbeat slot of each node of this host's range;</li>
 *   <li>receives the peers' messages and mirrors their nodes here ({@link RemoteNodes}): leases
 *       held for remote nodes alive there, their frames written into their own lanes with their
 *       own counters and ids, their heartbeat slots copied, and every node of a silent peer freed
 *       (DEAD) after the link timeout.</li>
 * </ul>
 * A peer that restarts is picked up again by Aeron (a new image) and by its next control message;
 * the local fleet keeps running throughout.
 */
public final class OrbitBridge implements AutoCloseable
{
    /** Only the slot's raw fields cross (not its LIVE/STALE verdict), so any positive age serves the read. */
    private static final Duration RAW_READ_AGE = Duration.ofNanos(1);

    private static final int FRAGMENT_LIMIT = 256;
    private static final int MTU_ALIGNMENT = 32;
    private static final int MAX_MTU = 65_504;
    private static final long BACK_PRESSURE_BOUND_NS = Duration.ofMillis(50).toNanos();

    /**
     * Receiver window (bytes a sender may have in flight per stream, Aeron's default is 128 KiB) and the
     * socket receive buffer that must hold it: throughput per stream is at most window / round trip of a
     * status message, so the window covers a scheduling hiccup of the receiving side at full rate. Aeron
     * caps it at half the term length; the kernel caps the buffer at {@code net.core.rmem_max}. Aeron's own
     * system properties ({@code aeron.rcv.initial.window.length}, {@code aeron.socket.so_rcvbuf}) override it.
     */
    static final int RECEIVER_WINDOW = 2 << 20;

    private final BridgeConfig config;
    private final GridLayout grid;
    private final Fleet fleet;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final FleetHeartbeat heartbeat;
    private final List<Ring> rings = new ArrayList<>();
    private final List<LinkStats> stats = new ArrayList<>();
    private final List<RingSender> senders = new ArrayList<>();
    private final List<ExclusivePublication> controlPublications = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<FragmentAssembler> assemblers = new ArrayList<>();
    private final RemoteNodes remotes;
    private final UnsafeBuffer control;
    private final int controlLength;
    private final long session = ThreadLocalRandom.current().nextLong();
    private final Thread duty;
    private volatile boolean running = true;
    private long now;

    private OrbitBridge(final BridgeConfig config)
    {
        this.config = config;
        this.grid = new GridLayout(config.size(), config.hosts().size());
        if (config.hostIndex() < 0 || config.hostIndex() >= config.hosts().size())
        {
            throw new OrbitException("fleet " + config.fleet() + ": host index " + config.hostIndex() + " is outside 0.."
                + (config.hosts().size() - 1) + " of --hosts " + config.hosts());
        }
        if (config.mtu() % MTU_ALIGNMENT != 0 || config.mtu() < MTU_ALIGNMENT * 3 || config.mtu() > MAX_MTU)
        {
            throw new InvalidArgumentException("fleet " + config.fleet() + ": MTU " + config.mtu() + " is not a multiple of "
                + MTU_ALIGNMENT + " in " + (MTU_ALIGNMENT * 3) + ".." + MAX_MTU + " (Aeron's limits for one UDP datagram)");
        }
        if (!config.multicast().isEmpty())
        {
            checkMulticast(config);
        }
        boolean beats = false;
        for (final BridgedKind kind : config.kinds())
        {
            if (kind.kind() == BridgedKind.CONTEST_KIND)
            {
                throw BridgedKind.refuseContest(config.fleet());
            }
            beats |= kind.isHeartbeat();
        }
        this.fleet = Fleet.joinShmAs(config.fleet(), config.size(), grid.bridgeNode(config.hostIndex()), config.directory());
        MediaDriver launched = null;
        Aeron client = null;
        try
        {
            this.heartbeat = beats ? FleetHeartbeat.open(fleet) : null;
            for (final BridgedKind kind : config.kinds())
            {
                if (!kind.isHeartbeat())
                {
                    rings.add(fleet.ring(kind.spec()));
                    stats.add(new LinkStats(kind.kind(), config.size()));
                }
            }
            launched = MediaDriver.launch(withReceiverWindow(new MediaDriver.Context())
                .aeronDirectoryName(config.directory().resolve("aeron-" + config.fleet() + "-host" + config.hostIndex()).toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy(10, 20, 1_000, 1_000_000))
                .termBufferSparseFile(true)
                .publicationTermBufferLength(config.termLength())
                .spiesSimulateConnection(false));
            client = Aeron.connect(new Aeron.Context().aeronDirectoryName(launched.aeronDirectoryName()));
            this.driver = launched;
            this.aeron = client;
            this.remotes = new RemoteNodes(fleet, grid, config.hostIndex(), heartbeat, rings, stats, config.linkTimeout().toNanos(),
                config.log());
            openStreams();
        }
        catch (final RuntimeException ex)
        {
            closeStreams();
            CloseHelper.quietCloseAll(client, launched);
            fleet.close();
            throw ex;
        }
        final int self = config.hostIndex();
        final int count = grid.endNode(self) - grid.firstNode(self);
        this.controlLength = CONTROL_HEADER_LENGTH + count * NODE_ENTRY_LENGTH;
        this.control = new UnsafeBuffer(ByteBuffer.allocateDirect(controlLength));
        this.duty = new Thread(this::run, "orbit-bridge-" + config.fleet() + "-host" + self);
        this.duty.setDaemon(true);
        config.log().accept("started: fleet " + config.fleet() + " size " + config.size() + ", host " + self + " of "
            + grid.hostCount() + " owns nodes " + grid.firstNode(self) + ".." + (grid.endNode(self) - 1) + " (bridge node "
            + grid.bridgeNode(self) + "), endpoint " + config.hosts().get(self)
            + (config.multicast().isEmpty() ? "" : ", multicast " + config.multicast()) + ", MTU " + config.mtu()
            + ", kinds " + describeKinds());
        this.duty.start();
    }

    private static void checkMulticast(final BridgeConfig config)
    {
        final int colon = config.multicast().lastIndexOf(':');
        boolean valid = colon > 0;
        try
        {
            if (valid)
            {
                final byte[] group = InetAddress.getByName(config.multicast().substring(0, colon)).getAddress();
                // Aeron sends data to the group and control to the next address up, so the data group is odd.
                valid = Integer.parseInt(config.multicast().substring(colon + 1)) > 0
                    && InetAddress.getByAddress(group).isMulticastAddress() && (group[group.length - 1] & 1) == 1;
            }
        }
        catch (final NumberFormatException | UnknownHostException ex)
        {
            valid = false;
        }
        if (!valid)
        {
            throw new InvalidArgumentException("fleet " + config.fleet() + ": multicast endpoint '" + config.multicast()
                + "' is not GROUP:PORT with an odd multicast group (224.0.0.0/4; Aeron sends control to the group + 1), "
                + "e.g. 239.255.0.1:40456");
        }
    }

    /** {@link #RECEIVER_WINDOW} and a socket buffer that holds it, unless Aeron's properties set them. */
    private static MediaDriver.Context withReceiverWindow(final MediaDriver.Context context)
    {
        final boolean windowSet = System.getProperty(Configuration.INITIAL_WINDOW_LENGTH_PROP_NAME) != null;
        final boolean bufferSet = System.getProperty(Configuration.SOCKET_RCVBUF_LENGTH_PROP_NAME) != null;
        if (!windowSet)
        {
            context.initialWindowLength(bufferSet ? Math.min(RECEIVER_WINDOW, context.socketRcvbufLength()) : RECEIVER_WINDOW);
        }
        if (!bufferSet)
        {
            context.socketRcvbufLength(Math.max(RECEIVER_WINDOW, context.initialWindowLength()));
        }
        return context;
    }

    /**
     * Starts a bridge.
     *
     * @param config the configuration.
     * @return the running bridge; close it to stop.
     * @throws ContestNotBridgedException when the kinds include the contest table.
     * @throws io.orbit.runtime.exceptions.NodeInUseException when another process holds the bridge node.
     */
    public static OrbitBridge start(final BridgeConfig config)
    {
        return new OrbitBridge(config);
    }

    private void openStreams()
    {
        final String ownEndpoint = config.hosts().get(config.hostIndex());
        final boolean multicast = !config.multicast().isEmpty();
        // Multicast: every bridge sends once to the group and receives the group on the interface of its own --hosts address.
        final String own = multicast
            ? "aeron:udp?endpoint=" + config.multicast() + "|interface=" + ownEndpoint.substring(0, ownEndpoint.lastIndexOf(':'))
            : "aeron:udp?endpoint=" + ownEndpoint;
        subscriptions.add(aeron.addSubscription(own, CONTROL_STREAM));
        assemblers.add(new FragmentAssembler((buffer, offset, length, header) -> remotes.onControl(buffer, offset, now)));
        for (int i = 0; i < rings.size(); i++)
        {
            final int ringIndex = i;
            subscriptions.add(aeron.addSubscription(own, ringStream(rings.get(i).kind())));
            assemblers.add(new FragmentAssembler((buffer, offset, length, header) -> onBatch(ringIndex, buffer, offset, length)));
        }
        final int self = config.hostIndex();
        for (int host = 0; host < config.hosts().size(); host++)
        {
            if (host != self && !multicast)
            {
                openPublications("aeron:udp?endpoint=" + config.hosts().get(host), host);
            }
        }
        if (multicast)
        {
            // fc=min: the slowest receiver paces the group, so a lagging peer meets back pressure (counted) rather than
            // falling behind what the sender still retains; a silent receiver leaves the flow control after its timeout.
            openPublications(own + "|fc=min", RingSender.EVERY_PEER);
        }
    }

    private void openPublications(final String channel, final int peer)
    {
        final String tuned = channel + "|term-length=" + config.termLength() + "|mtu=" + config.mtu();
        final int self = config.hostIndex();
        controlPublications.add(aeron.addExclusivePublication(tuned, CONTROL_STREAM));
        for (int i = 0; i < rings.size(); i++)
        {
            final Ring ring = rings.get(i);
            senders.add(new RingSender(ring, aeron.addExclusivePublication(tuned, ringStream(ring.kind())), peer, remotes, stats.get(i),
                new BackoffIdleStrategy(10, 20, 1_000, 100_000), BACK_PRESSURE_BOUND_NS, grid.firstNode(self), grid.endNode(self)));
        }
    }

    /** Hands the records of one BATCH to the receiving side in order; a record that overruns the message ends it. */
    private void onBatch(final int ringIndex, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < BATCH_HEADER_LENGTH || buffer.getByte(offset + TYPE_OFFSET) != TYPE_BATCH)
        {
            return;
        }
        final int count = buffer.getShort(offset + RECORD_COUNT_OFFSET) & 0xFFFF;
        final int end = offset + length;
        int record = offset + BATCH_HEADER_LENGTH;
        for (int i = 0; i < count && record + FRAME_HEADER_LENGTH <= end; i++)
        {
            final int payloadLength = buffer.getInt(record + LENGTH_OFFSET);
            if (payloadLength < 0 || record + FRAME_HEADER_LENGTH + payloadLength > end)
            {
                return;
            }
            remotes.onFrame(ringIndex, buffer, record);
            record += recordLength(payloadLength);
        }
    }

    private void run()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 200_000);
        final long beatNs = config.beatInterval().toNanos();
        long nextBeat = 0;
        while (running)
        {
            try
            {
                now = System.nanoTime();
                int work = 0;
                if (now - nextBeat >= 0)
                {
                    nextBeat = now + beatNs;
                    sendControl();
                    remotes.checkLinks(now);
                    work++;
                }
                for (int i = 0; i < senders.size(); i++)
                {
                    work += senders.get(i).doWork();
                }
                for (int i = 0; i < subscriptions.size(); i++)
                {
                    work += subscriptions.get(i).poll(assemblers.get(i), FRAGMENT_LIMIT);
                }
                idle.idle(work);
            }
            catch (final RuntimeException ex)
            {
                if (running)
                {
                    config.log().accept("duty cycle error: " + ex);
                }
            }
        }
    }

    private void sendControl()
    {
        final int self = config.hostIndex();
        final int first = grid.firstNode(self);
        final int end = grid.endNode(self);
        if (heartbeat != null)
        {
            heartbeat.beat();
        }
        control.putByte(TYPE_OFFSET, (byte)TYPE_CONTROL);
        control.putByte(FLAGS_OFFSET, (byte)(heartbeat != null ? FLAG_HEARTBEAT : 0));
        control.putShort(HOST_OFFSET, (short)self);
        control.putShort(FIRST_NODE_OFFSET, (short)first);
        control.putShort(NODE_COUNT_OFFSET, (short)(end - first));
        control.putLong(SESSION_OFFSET, session);
        control.putLong(HEARD_OFFSET, remotes.heardMask());
        for (int node = first; node < end; node++)
        {
            final int entry = CONTROL_HEADER_LENGTH + (node - first) * NODE_ENTRY_LENGTH;
            control.setMemory(entry, NODE_ENTRY_LENGTH, (byte)0);
            control.putByte(entry + NODE_ALIVE_OFFSET, (byte)(fleet.isNodeAlive(node) ? 1 : 0));
            if (heartbeat != null)
            {
                final NodeHeartbeat beat = heartbeat.read(node, RAW_READ_AGE);
                if (beat.state() != NodeState.MISSING)
                {
                    control.putByte(entry + NODE_BEATEN_OFFSET, (byte)1);
                    control.putLong(entry + NODE_BEATS_OFFSET, beat.beats());
                    control.putLong(entry + NODE_AGE_OFFSET, beat.age().toNanos());
                    control.putLong(entry + NODE_PID_OFFSET, beat.pid());
                    control.putLong(entry + NODE_START_TIME_OFFSET, beat.startTimeMs());
                    control.putLong(entry + NODE_INCARNATION_OFFSET, beat.incarnation());
                }
            }
        }
        for (final ExclusivePublication publication : controlPublications)
        {
            publication.offer(control, 0, controlLength); // a lost keep-alive is repeated next beat; the link timeout spans many
        }
    }

    /**
     * @return the local fleet handle the bridge joined with (its node is the bridge node).
     */
    public Fleet fleet()
    {
        return fleet;
    }

    /**
     * @return the grid's node numbering.
     */
    public GridLayout grid()
    {
        return grid;
    }

    /**
     * @param kind a bridged ring's KIND.
     * @return its counts.
     * @throws OrbitException when the KIND is not bridged as a ring.
     */
    public LinkStats stats(final int kind)
    {
        for (final LinkStats linkStats : stats)
        {
            if (linkStats.kind() == kind)
            {
                return linkStats;
            }
        }
        throw new OrbitException("fleet " + config.fleet() + ": KIND " + kind + " is not bridged as a ring (kinds " + describeKinds() + ")");
    }

    /**
     * @return the counts of every bridged ring.
     */
    public List<LinkStats> allStats()
    {
        return List.copyOf(stats);
    }

    /**
     * @param host a host index.
     * @return true while that peer's control messages arrive within the link timeout (read from
     *         the duty thread's state; may lag by one beat).
     */
    public boolean isLinkUp(final int host)
    {
        return remotes.isLinkUp(host);
    }

    private String describeKinds()
    {
        final StringBuilder text = new StringBuilder();
        for (final BridgedKind kind : config.kinds())
        {
            text.append(text.length() == 0 ? "" : ",").append(kind.kind());
        }
        return text.toString();
    }

    /**
     * Stops the duty thread, frees the remote nodes' leases (they read DEAD here), closes the Aeron
     * client and driver, and leaves the fleet. Idempotent.
     */
    @Override
    public void close()
    {
        if (!running)
        {
            return;
        }
        running = false;
        try
        {
            duty.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        remotes.close();
        closeStreams();
        CloseHelper.quietCloseAll(aeron, driver);
        fleet.close();
    }

    private void closeStreams()
    {
        senders.forEach(RingSender::close);
        CloseHelper.quietCloseAll(controlPublications);
        CloseHelper.quietCloseAll(subscriptions);
    }
}
