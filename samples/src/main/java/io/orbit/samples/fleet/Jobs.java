package io.orbit.samples.fleet;

import io.orbit.annotations.ContestType;

/**
 * The contest namespace of the demo's jobs: claims on "job-3" of this type never compete with
 * claims on another type's "job-3". The processor refuses a second {@code @ContestType(kind = 1)}.
 */
@ContestType(kind = Jobs.KIND)
public final class Jobs
{
    /** Contest subject type of jobs. */
    public static final int KIND = 1;

    private Jobs()
    {
    }

    /**
     * @param job job number.
     * @return the job's subject label.
     */
    public static String label(final int job)
    {
        return "job-" + job;
    }
}
