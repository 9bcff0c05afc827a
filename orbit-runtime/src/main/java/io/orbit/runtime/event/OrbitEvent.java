package io.orbit.runtime.event;

import io.orbit.runtime.NetId64;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event, copied out of the ring (the convenient poll forms). Immutable: the payload is copied in
 * and out.
 *
 * @param id          NetId64 of the event (KIND 220, publishing node, lane counter).
 * @param node        the publishing node.
 * @param topic       the topic.
 * @param payload     the payload bytes.
 * @param timestampMs the publisher's wall-clock time at publish, ms since the Unix epoch.
 */
public record OrbitEvent(long id, int node, String topic, byte[] payload, long timestampMs)
{
    /**
     * Copies the payload in (and {@link #payload()} copies it out), so the event is immutable.
     *
     * @param id          NetId64 of the event.
     * @param node        the publishing node.
     * @param topic       the topic.
     * @param payload     the payload bytes.
     * @param timestampMs the publisher's wall-clock time at publish.
     */
    public OrbitEvent
    {
        Objects.requireNonNull(topic, "topic");
        payload = payload.clone();
    }

    /**
     * @return a copy of the payload.
     */
    @Override
    public byte[] payload()
    {
        return payload.clone();
    }

    /**
     * @return the payload decoded as UTF-8.
     */
    public String payloadAsString()
    {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * @return the event's counter in its node's lane (the low 40 bits the id carries).
     */
    public long counter()
    {
        return NetId64.counter(id);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof OrbitEvent event && id == event.id && node == event.node && timestampMs == event.timestampMs
            && topic.equals(event.topic) && Arrays.equals(payload, event.payload);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(id, node, topic, timestampMs) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString()
    {
        return "OrbitEvent{id=" + NetId64.toString(id) + ", node=" + node + ", topic=" + topic + ", payload="
            + payload.length + " bytes, timestampMs=" + timestampMs + "}";
    }
}
