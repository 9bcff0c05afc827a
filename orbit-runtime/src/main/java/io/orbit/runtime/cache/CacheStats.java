package io.orbit.runtime.cache;

/**
 * A snapshot of one cache handle's counts, taken by {@link OrbitCache#stats()}.
 *
 * @param applied     frames that changed the index.
 * @param undecodable frames on the ring whose payload is not a well-formed mutation (ignored by every lookup).
 * @param overwritten counters the index's cursor found overwritten (already outside the window: no effect on answers).
 * @param abandoned   SHARED counters claimed but not committed past the bound, or whose writer died; read
 *                    again while inside the window, in case they commit late.
 * @param corrupt     committed frames that failed the ring's validation (should be 0).
 * @param ringResets  ring resets noticed; each one cleared and rebuilt the index.
 * @param entries     keys held by the index (values and DELETE tombstones) inside the window.
 * @param resets      RESET prefixes held by the index inside the window.
 * @param unresolved  counters inside the window not yet readable (pending or abandoned), read again on every lookup.
 * @param cursorNext  next counter of the index's cursor.
 * @param head        the ring's head (claimed counters) when the snapshot was taken.
 */
public record CacheStats(
    long applied,
    long undecodable,
    long overwritten,
    long abandoned,
    long corrupt,
    long ringResets,
    int entries,
    int resets,
    int unresolved,
    long cursorNext,
    long head)
{
}
