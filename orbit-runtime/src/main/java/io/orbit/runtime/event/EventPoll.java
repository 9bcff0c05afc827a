package io.orbit.runtime.event;

import java.util.List;

/**
 * Result of a convenient (allocating) event poll: the events and the loss by class.
 * {@code events.size() + filtered + undecodable + overwritten + abandoned + corrupt == movedPast}.
 *
 * @param events      the events: by node, each node's in publish order ({@link OrbitEventBus#poll}), or
 *                    merged by timestamp ({@link OrbitEventBus#pollMerged}).
 * @param filtered    well-formed events skipped by the topic filter.
 * @param undecodable frames whose payload does not parse as an event.
 * @param overwritten counters lost to newer writes before the cursor read them.
 * @param abandoned   counters claimed but never committed (0 for the PER_NODE event ring).
 * @param corrupt     committed frames that failed the ring's validation (should be 0).
 * @param movedPast   counters the cursor moved past.
 * @param reset       true when the ring was reset since the cursor's previous poll.
 */
public record EventPoll(
    List<OrbitEvent> events,
    long filtered,
    long undecodable,
    long overwritten,
    long abandoned,
    long corrupt,
    long movedPast,
    boolean reset)
{
    /**
     * Keeps an immutable copy of the events.
     *
     * @param events      the events.
     * @param filtered    events skipped by the topic filter.
     * @param undecodable frames whose payload does not parse.
     * @param overwritten counters lost to newer writes.
     * @param abandoned   counters claimed but never committed.
     * @param corrupt     committed frames that failed validation.
     * @param movedPast   counters the cursor moved past.
     * @param reset       true when the ring was reset since the previous poll.
     */
    public EventPoll
    {
        events = List.copyOf(events);
    }

    /**
     * @return events missed: {@code overwritten + abandoned + corrupt + undecodable}.
     */
    public long lost()
    {
        return overwritten + abandoned + corrupt + undecodable;
    }

    /**
     * @return true when nothing was delivered, skipped or lost.
     */
    public boolean isEmpty()
    {
        return movedPast == 0 && !reset;
    }
}
