package io.orbit.runtime.contest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Test-only access to a contest's slot table, to read or damage slots directly (offsets of
 * docs/spec.md §6.4). The field is private; this reads it, so {@link Contest} carries no
 * accessor that only tests call.
 */
final class ContestTestHooks
{
    private static final VarHandle TABLE;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Contest.class, MethodHandles.lookup());
            TABLE = lookup.findVarHandle(Contest.class, "table", ContestTable.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private ContestTestHooks()
    {
    }

    /** @return the contest's slot table. */
    static ContestTable table(final Contest contest)
    {
        return (ContestTable)TABLE.get(contest);
    }
}
