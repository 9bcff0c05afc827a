package io.orbit.runtime.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One node's heartbeat as read from the table.
 *
 * @param node        the node.
 * @param state       LIVE, STALE, DEAD or MISSING (see {@link NodeState}).
 * @param beats       beats written into the node's slot, by every process that held the node; 0 when MISSING.
 * @param age         time since the last beat, on the shared monotonic clock; zero for a beat "in the future"
 *                    (clock skew between injected clocks) and for a MISSING node.
 * @param pid         pid of the process that wrote the last beat; 0 when MISSING.
 * @param startTimeMs that process's start time, ms since the Unix epoch; 0 when unknown or MISSING.
 * @param incarnation number of distinct processes (pid, start time) that have beaten the slot; a restart bumps it.
 * @param leaseHeld   true when a live process holds the node's lease at the time of the read.
 * @param consistent  false when the slot stayed mid-beat during the whole bounded read (its writer died or was
 *                    stopped between the two stamp writes of a beat); the fields were then read as they stand and
 *                    may mix that beat with the previous one (beats one ahead of last beat, or behind).
 */
public record NodeHeartbeat(
    int node,
    NodeState state,
    long beats,
    Duration age,
    long pid,
    long startTimeMs,
    long incarnation,
    boolean leaseHeld,
    boolean consistent)
{
    /**
     * @return the writer's start time, when known.
     */
    public Optional<Instant> startTime()
    {
        return startTimeMs == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(startTimeMs));
    }
}
