package io.orbit.runtime.event;

/**
 * Receives events from the zero-allocation poll forms of {@link OrbitEventBus}.
 */
@FunctionalInterface
public interface EventHandler
{
    /**
     * @param event the delivered event; a reused view, valid only during this call.
     */
    void onEvent(EventView event);
}
