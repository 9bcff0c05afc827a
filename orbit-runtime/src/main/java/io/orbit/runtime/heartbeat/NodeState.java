package io.orbit.runtime.heartbeat;

/**
 * A node's liveness as a heartbeat snapshot sees it (docs/spec.md §6.5). A signal, not supervision.
 */
public enum NodeState
{
    /** The node's lease is held and its last beat is at most {@code maxAge} old. */
    LIVE,
    /** The node's lease is held (its process exists) but its last beat is older than {@code maxAge}: stuck, stopped or not beating any more. */
    STALE,
    /** The node's lease is free after the node has beaten: its process died or left the fleet. */
    DEAD,
    /** The node's slot has never been beaten, whether or not a process holds its lease. */
    MISSING
}
