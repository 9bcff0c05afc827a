package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.KindConflictException;
import io.orbit.runtime.ring.ComponentLayout;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;

import java.net.URL;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One ring per KIND per fleet handle, opened on first use. Asking for a KIND with another spec,
 * or by another claimant type, is a {@link KindConflictException} naming both types and their jars:
 * the start-up check behind the compile-time one.
 */
final class RingRegistry
{
    private final String fleet;
    private final Map<Integer, Entry> rings = new HashMap<>();

    RingRegistry(final String fleet)
    {
        this.fleet = fleet;
    }

    synchronized Ring ring(final RingSpec spec, final Class<?> claimant, final ComponentLayout layout, final Supplier<Ring> opener)
    {
        final Entry existing = rings.get(spec.kind());
        if (existing != null)
        {
            if (!existing.spec.equals(spec) || (claimant != null && existing.claimant != null && claimant != existing.claimant)
                || (layout != null && existing.layout != null && !layout.equals(existing.layout)))
            {
                throw new KindConflictException("KIND " + spec.kind() + " of fleet " + fleet + " is claimed twice: by "
                    + describe(existing.claimant) + " with " + existing.spec + " and by " + describe(claimant) + " with "
                    + spec + "; every type needs its own KIND");
            }
            return existing.ring;
        }
        final Ring ring = opener.get();
        rings.put(spec.kind(), new Entry(spec, claimant, layout, ring));
        return ring;
    }

    synchronized void closeAll()
    {
        rings.values().forEach(entry -> entry.ring.close());
        rings.clear();
    }

    static String describe(final Class<?> type)
    {
        if (type == null)
        {
            return "an untyped caller";
        }
        return type.getName() + " (from " + origin(type) + ")";
    }

    private static String origin(final Class<?> type)
    {
        final CodeSource source = type.getProtectionDomain().getCodeSource();
        final URL location = source == null ? null : source.getLocation();
        return location == null ? "an unknown location" : location.toString();
    }

    private record Entry(RingSpec spec, Class<?> claimant, ComponentLayout layout, Ring ring)
    {
    }
}
