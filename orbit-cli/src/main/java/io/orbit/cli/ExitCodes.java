package io.orbit.cli;

/**
 * Exit codes of the {@code orbit} command.
 */
final class ExitCodes
{
    /** Done. */
    static final int OK = 0;
    /** Refused (a live node) or a check failed (doctor). */
    static final int REFUSED = 1;
    /** Bad usage. */
    static final int USAGE = 2;
    /** No such directory, fleet or KIND. */
    static final int NOT_FOUND = 3;

    private ExitCodes()
    {
    }
}
