package io.orbit.runtime.event;

import io.orbit.runtime.ring.FrameView;

import java.util.Optional;

/**
 * Decoding of event-bus frames read from the ring directly (inspection tools); applications use
 * {@link OrbitEventBus#poll}.
 */
public final class EventFrames
{
    private EventFrames()
    {
    }

    /**
     * @param frame a frame read from the event bus ring (KIND {@value OrbitEventBus#KIND}).
     * @return the event, or empty when the frame is not a well-formed event (allocates).
     */
    public static Optional<OrbitEvent> decode(final FrameView frame)
    {
        final EventView view = new EventView();
        return EventFrameCodec.decode(frame, view) ? Optional.of(view.toEvent()) : Optional.empty();
    }
}
