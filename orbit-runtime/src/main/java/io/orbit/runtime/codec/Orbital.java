package io.orbit.runtime.codec;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
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
 * @param <T> the stored record type.
 */
public final class Orbital<T>
{
    /** Frame kind of a stored value. */
    public static final int STORE_FRAME_KIND = 0;

    private final OrbitCodec<T> codec;
    private final Ring ring;
    private final ThreadLocal<FrameView> views;

    private Orbital(final OrbitCodec<T> codec, final Ring ring)
    {
        this.codec = codec;
        this.ring = ring;
        this.views = ThreadLocal.withInitial(ring::newFrameView);
    }

    /**
     * Opens the type's ring in a fleet (creating or attaching to it; the layout fingerprint is
     * written into a new segment and checked against an existing one).
     *
     * @param fleet the fleet.
     * @param codec the type's codec.
     * @param <T>   the record type.
     * @return the accessor.
     * @throws io.orbit.runtime.exceptions.KindConflictException when another type already holds the KIND in this fleet.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the ring exists with another layout.
     */
    public static <T> Orbital<T> of(final Fleet fleet, final OrbitCodec<T> codec)
    {
        Arguments.notNull(fleet, "fleet", "Orbital");
        Arguments.notNull(codec, "codec", "Orbital of fleet " + fleet.name());
        return new Orbital<>(codec, fleet.ring(codec.ringSpec(), codec.type()));
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
     * Stores a value: checks it, then encodes it straight into a claimed slot.
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
        final FrameView view = views.get();
        return loadView(view) ? Optional.of(decode(view)) : Optional.empty();
    }

    /**
     * @param node node id.
     * @return the newest value stored by that node.
     */
    public Optional<T> load(final int node)
    {
        final FrameView view = views.get();
        return loadView(node, view) ? Optional.of(decode(view)) : Optional.empty();
    }

    /**
     * @param id NetId64 returned by {@link #store}.
     * @return that value, while it is still in the ring.
     */
    public Optional<T> loadById(final long id)
    {
        final FrameView view = views.get();
        return ring.read(id, view) ? Optional.of(decode(view)) : Optional.empty();
    }

    /**
     * @return the newest value of every node that has one, by node id.
     */
    public Map<Integer, T> loadAll()
    {
        final FrameView view = views.get();
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
        if (ring.spec().topology() == Topology.PER_NODE)
        {
            return node >= 0 && node < ring.laneCount() && ring.readLaneHead(node, view);
        }
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

    /**
     * Decodes a view filled by one of the load forms.
     *
     * @param view a filled view.
     * @return the value.
     * @throws OrbitException when the frame's length is not the type's encoded length (a writer
     *                        that did not use this codec).
     */
    public T decode(final FrameView view)
    {
        if (view.payloadLength() != codec.encodedLength())
        {
            throw new OrbitException("frame " + NetId64.toString(view.id()) + " of ring KIND " + ring.kind() + " ("
                + ring.location() + ") holds " + view.payloadLength() + " bytes, but " + codec.type().getName()
                + " encodes to " + codec.encodedLength());
        }
        return codec.decoder().decode(view.payload(), 0);
    }

    @Override
    public String toString()
    {
        return "Orbital{" + codec.type().getName() + ", " + ring + "}";
    }
}
