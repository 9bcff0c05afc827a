package io.orbit.aeron;

/**
 * What happened to the frames of one remote node, as counted by the receiving bridge. Every counter
 * of the remote lane ends in exactly one class, so a gap is never silent; local readers count the
 * lost classes as {@code overwritten} in their cursors (PER_NODE rings).
 */
public enum LinkCount
{
    /** Written into the node's lane (or the SHARED lane). */
    REPLICATED,
    /** Already present (a resend after a reconnect or a bridge restart); skipped. */
    DUPLICATE,
    /** Lost before the sending bridge read them: its cursor was lapped by the remote ring. */
    LOST_AT_SOURCE,
    /**
     * Lost between the bridges: dropped by the sender under back pressure or while not connected,
     * or published while no bridge was running on one side.
     */
    LOST_IN_TRANSIT,
    /** Arrived while this host held no lease for the node (its remote holder was reported dead, or a local process took the node). */
    NOT_LEASED
}
