package io.orbit.cli;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.NodeLeaseProbe;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.segment.ReadOnlySegments;
import io.orbit.runtime.segment.Segment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a fleet's segment read-only and names what a ring holds.
 */
final class Segments
{
    private Segments()
    {
    }

    static Segment map(final Path file)
    {
        try
        {
            return ReadOnlySegments.map(file);
        }
        catch (final IOException ex)
        {
            throw new CliException(ExitCodes.NOT_FOUND, "cannot read segment " + file + ": " + ex);
        }
    }

    static Ring ring(final Path directory, final String fleet, final Path file)
    {
        final NodeLeaseProbe leases = new NodeLeaseProbe(fleet, directory);
        return Ring.inspect(map(file), fleet, leases::isAlive);
    }

    static String role(final int kind, final OrbitCodec<?> codec)
    {
        if (kind == OrbitCache.KIND)
        {
            return "cache";
        }
        if (kind == OrbitEventBus.KIND)
        {
            return "event bus";
        }
        return codec == null ? "ring" : codec.type().getName();
    }
}
