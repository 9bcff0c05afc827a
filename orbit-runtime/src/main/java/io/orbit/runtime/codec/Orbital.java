package io.orbit.runtime.codec;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.LaneFollower;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.Topology;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Typed last values over a type's ring: {@link #store} publishes one frame (frame kind 0, version
 * from the ring's fleet-wide sequence, payload encoded straight into the slot) and the load forms
 * return the newest value, fleet-wide or per node. Generated {@code XOrbital} classes wrap one.
 *
 * <p>Thread-safe. The allocating load forms use a per-thread view; {@link #loadView(FrameView)}
 * allocates nothing, and the codec's static field readers read the view's payload at offset 0.
 *
 * <p>Per-node reads of a PER_NODE ring go through a per-thread {@link LaneFollower}: a reader that
 * polls for the next value waits on the slot that value will land in, not on the lane head the
 * writer updates with every frame. {@link #loadIfNewer} copies nothing while nothing changed, and
 * {@link #load(int)} and {@link #load()} hand back the value they decoded last (no allocation) while
 * its bytes are unchanged.
 *
 * @param <T> the stored record type.
 */
public final class Orbital<T>
{
    /** Frame kind of a stored value. */
    public static final int STORE_FRAME_KIND = 0;

    private final OrbitCodec<T> codec;
    private final Ring ring;
    private final boolean perNode;
    /** The bytes every version of the record writes: a shorter frame was not written by its codec. */
    private final int minimumLength;
    private final ThreadLocal<Reads<T>> reads;

    private Orbital(final OrbitCodec<T> codec, final Ring ring)
    {
        this.codec = codec;
        this.ring = ring;
        this.perNode = ring.spec().topology() == Topology.PER_NODE;
        this.minimumLength = codec.layout().minimumLength();
        this.reads = ThreadLocal.withInitial(() -> new Reads<>(codec, ring));
    }

    /**
     * Opens the type's ring in a fleet (creating or attaching to it; the layout fingerprint, layout
     * version and component signatures are written into a new segment and checked against an
     * existing one, whose layout version this raises when this process's is higher).
     *
     * @param fleet the fleet.
     * @param codec the type's codec.
     * @param <T>   the record type.
     * @return the accessor.
     * @throws io.orbit.runtime.exceptions.KindConflictException when another type already holds the KIND in this fleet.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the ring exists with an incompatible layout.
     */
    public static <T> Orbital<T> of(final Fleet fleet, final OrbitCodec<T> codec)
    {
        Arguments.notNull(fleet, "fleet", "Orbital");
        Arguments.notNull(codec, "codec", "Orbital of fleet " + fleet.name());
        return new Orbital<>(codec, fleet.ring(codec.ringSpec(), codec.type(), codec.layout()));
    }

    /**
     * @return the ring holding the values.
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * @return the codec.
     */
    public OrbitCodec<T> codec()
    {
        return codec;
    }

    /**
     * Stores a value: checks it, then encodes it straight into a claimed slot; the frame's payload
     * length is this version's encoded length, which tells readers of other versions what it holds.
     *
     * @param value the value.
     * @return the NetId64 of the stored frame.
     * @throws io.orbit.runtime.exceptions.PayloadTooLargeException before anything is written, when a string or
     *                                                 array does not fit its {@code @Length}.
     * @throws io.orbit.runtime.exceptions.InvalidValueException  before anything is written, for a null component.
     * @throws io.orbit.runtime.exceptions.InvalidArgumentException for a null value.
     * @throws io.orbit.runtime.exceptions.FleetClosedException once the fleet is closed.
     */
    public long store(final T value)
    {
        if (value == null)
        {
            Arguments.notNull(value, "value", "Orbital of " + codec.type().getName() + " (fleet " + ring.fleetName() + ", KIND "
                + ring.kind() + ")");
        }
        codec.validator().validate(value);
        return ring.publish(STORE_FRAME_KIND, ring.nextVersion(), codec.encodedLength(), codec.encoder(), value);
    }

    /**
     * @return the newest value stored by any node.
     */
    public Optional<T> load()
    {
        final Reads<T> thread = reads.get();
        return loadView(thread.view) ? decodeRemembered(thread, ring.laneCount(), thread.view) : Optional.empty();
    }

    /**
     * @param node node id.
     * @return the newest value stored by that node.
     */
    public Optional<T> load(final int node)
    {
        final Reads<T> thread = reads.get();
        return loadView(node, thread.view) ? decodeRemembered(thread, perNode ? node : 0, thread.view) : Optional.empty();
    }

    /**
     * @param id NetId64 returned by {@link #store}.
     * @return that value, while it is still in the ring.
     */
    public Optional<T> loadById(final long id)
    {
        final FrameView view = reads.get().view;
        return ring.read(id, view) ? Optional.of(decode(view)) : Optional.empty();
    }

    /**
     * @return the newest value of every node that has one, by node id.
     */
    public Map<Integer, T> loadAll()
    {
        final FrameView view = reads.get().view;
        final Map<Integer, T> values = new TreeMap<>();
        if (ring.spec().topology() == Topology.PER_NODE)
        {
            for (int node = 0; node < ring.laneCount(); node++)
            {
                if (ring.readLaneHead(node, view))
                {
                    values.put(node, decode(view));
                }
            }
            return Collections.unmodifiableMap(values);
        }
        final long head = ring.head(0);
        for (long counter = head - 1; counter >= Math.max(0, head - ring.capacity()); counter--)
        {
            if (ring.readAt(0, counter, view))
            {
                values.putIfAbsent(NetId64.node(view.id()), decode(view));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Zero-allocation load of the newest value of any node; read fields with the codec's static readers
     * at offset 0 of {@code view.payload()}.
     *
     * @param view view to fill (from {@link Ring#newFrameView()}).
     * @return true when a value was found.
     */
    public boolean loadView(final FrameView view)
    {
        return ring.readHead(view);
    }

    /**
     * Zero-allocation load of the newest value of one node.
     *
     * @param node node id.
     * @param view view to fill.
     * @return true when that node has a value in the ring.
     */
    public boolean loadView(final int node, final FrameView view)
    {
        if (perNode)
        {
            return node >= 0 && node < ring.laneCount() && reads.get().follower.readNewest(node, view);
        }
        return scanShared(node, view);
    }

    /**
     * Zero-allocation wait-for-the-next-value form: fills the view with the newest value of one node
     * only when its id is not {@code knownId}, so a polling loop copies and allocates nothing while
     * nothing changed. The view never goes back to an older value than one seen before the call.
     *
     * <pre>{@code
     * long seen = 0;
     * while (running)
     * {
     *     if (orbital.loadIfNewer(node, seen, view))
     *     {
     *         seen = view.id();
     *         react(XCodec.busy(view.payload(), 0));
     *     }
     * }
     * }</pre>
     *
     * @param node    node id.
     * @param knownId id of the value the caller holds ({@code view.id()} after the last true), 0 for none.
     * @param view    view to fill.
     * @return true when the view now holds the node's newest value, whose id is not {@code knownId};
     *         false, with the view untouched, when that is still {@code knownId} or the node has no value.
     */
    public boolean loadIfNewer(final int node, final long knownId, final FrameView view)
    {
        if (node < 0 || (perNode && node >= ring.laneCount()))
        {
            return false;
        }
        final Reads<T> thread = reads.get();
        if (perNode)
        {
            return thread.follower.readIfNot(node, knownId, view);
        }
        return scanShared(node, thread.view) && thread.view.id() != knownId && ring.read(thread.view.id(), view);
    }

    /** The newest value of one node in a SHARED ring: walk back from the head to that node's newest frame. */
    private boolean scanShared(final int node, final FrameView view)
    {
        final long head = ring.head(0);
        for (long counter = head - 1; counter >= Math.max(0, head - ring.capacity()); counter--)
        {
            if (ring.readAt(0, counter, view) && NetId64.node(view.id()) == node)
            {
                return true;
            }
        }
        return false;
    }

    private Optional<T> decodeRemembered(final Reads<T> thread, final int source, final FrameView view)
    {
        checkLength(view);
        return thread.decoded.decode(source, view.payload(), view.payloadLength());
    }

    /**
     * Decodes a view filled by one of the load forms, whichever version of the record wrote it:
     * components a frame of an older version lacks get their default, and a frame of a newer
     * version is read by the prefix this version knows.
     *
     * @param view a filled view.
     * @return the value.
     * @throws OrbitException when the frame is shorter than the components every version writes (a
     *                        writer that did not use this record's codec).
     */
    public T decode(final FrameView view)
    {
        checkLength(view);
        return codec.decoder().decode(view.payload(), 0, view.payloadLength());
    }

    private void checkLength(final FrameView view)
    {
        if (view.payloadLength() < minimumLength)
        {
            throw new OrbitException("frame " + NetId64.toString(view.id()) + " of ring KIND " + ring.kind() + " ("
                + ring.location() + ") holds " + view.payloadLength() + " bytes, but every layout version of "
                + codec.type().getName() + " writes at least " + minimumLength);
        }
    }

    /** What one reading thread keeps: its view for the allocating loads, its lane follower, its last decoded values. */
    private static final class Reads<T>
    {
        private final FrameView view;
        private final LaneFollower follower;
        private final LastDecoded<T> decoded;

        private Reads(final OrbitCodec<T> codec, final Ring ring)
        {
            this.view = ring.newFrameView();
            this.follower = ring.spec().topology() == Topology.PER_NODE ? new LaneFollower(ring) : null;
            this.decoded = new LastDecoded<>(codec.decoder(), ring.payloadCapacity(), ring.laneCount() + 1);
        }
    }

    @Override
    public String toString()
    {
        return "Orbital{" + codec.type().getName() + ", " + ring + "}";
    }
}
