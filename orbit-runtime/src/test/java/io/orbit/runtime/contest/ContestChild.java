package io.orbit.runtime.contest;

import io.orbit.runtime.fleet.Fleet;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.orbit.runtime.ring.CrossProcessSupport.awaitParentLine;
import static io.orbit.runtime.ring.CrossProcessSupport.blockUntilKilled;
import static io.orbit.runtime.ring.CrossProcessSupport.say;

/**
 * A child JVM of {@link ContestCrossProcessTest}: {@code mode fleet size node [args...]}. Joins the
 * shared-memory fleet (directory from {@code -Dorbit.shm.dir}), opens the contest table with the
 * real clock and plays one side of a test, printing protocol lines; times are {@link System#nanoTime()},
 * the monotonic clock all processes of the host share.
 */
public final class ContestChild
{
    static final int SUBJECT_TYPE = 7;

    private ContestChild()
    {
    }

    public static void main(final String[] args)
    {
        final String mode = args[0];
        try (Fleet fleet = Fleet.joinShmAs(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3])))
        {
            final Contest contest = Contest.open(fleet);
            final String owner = "node-" + fleet.node();
            switch (mode)
            {
                case "observe" -> observe(contest, args[4], owner);
                case "race" -> race(contest, args[4], owner);
                case "loop" -> loop(contest, args[4], owner, Long.parseLong(args[5]), Integer.parseInt(args[6]));
                case "hold" -> hold(contest, args[4], owner, Long.parseLong(args[5]));
                case "contend" -> contend(contest, args[4], owner, Long.parseLong(args[5]));
                case "renewer" -> renewer(contest, args[4], owner, Long.parseLong(args[5]), Long.parseLong(args[6]), Long.parseLong(args[7]));
                case "stuck" -> stuck(contest, args[4], owner);
                case "lock" -> lock(contest, args[4]);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.exit(0);
    }

    /** One claim; prints what it got. */
    private static void observe(final Contest contest, final String subject, final String owner)
    {
        final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofSeconds(60));
        final Holder holder = result.holder();
        say("RESULT claimed=" + result.isClaimed() + " token=" + holder.fenceToken() + " owner=" + holder.owner()
            + " node=" + holder.node() + " pid=" + holder.pid());
    }

    /** Waits for GO, claims once, prints the result and keeps any lease until the parent is done. */
    private static void race(final Contest contest, final String subject, final String owner)
    {
        say("READY");
        if (!"GO".equals(awaitParentLine()))
        {
            return;
        }
        final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofSeconds(60));
        say("RESULT claimed=" + result.isClaimed() + " token=" + result.holder().fenceToken());
        blockUntilKilled();
    }

    /**
     * Waits for GO, then claims the subject again and again until the time is up; every hold is
     * reported as {@code HELD token start end} once released (start after the claim returned, end
     * before the release).
     */
    private static void loop(final Contest contest, final String subject, final String owner, final long millis, final int holdMicros)
    {
        say("READY");
        if (!"GO".equals(awaitParentLine()))
        {
            return;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        final StringBuilder lines = new StringBuilder();
        int claims = 0;
        int yields = 0;
        while (System.nanoTime() - deadline < 0)
        {
            final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofSeconds(60));
            if (result instanceof ContestResult.Claimed claimed)
            {
                final long start = System.nanoTime();
                final long holdUntil = start + TimeUnit.MICROSECONDS.toNanos(claims % (holdMicros + 1));
                while (System.nanoTime() - holdUntil < 0)
                {
                    Thread.onSpinWait();
                }
                final long end = System.nanoTime();
                final boolean released = claimed.guard().release();
                lines.append("HELD ").append(claimed.guard().fenceToken()).append(' ').append(start).append(' ').append(end)
                    .append(released ? "" : " NOT-RELEASED").append('\n');
                claims++;
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50)); // let the others in (2 CPUs, 3 JVMs)
            }
            else
            {
                yields++;
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
            }
        }
        System.out.print(lines);
        say("DONE claims=" + claims + " yields=" + yields);
    }

    /** Claims (ttl in ms), prints {@code HOLDING}, and keeps the lease, without renewing, until killed. */
    private static void hold(final Contest contest, final String subject, final String owner, final long ttlMillis)
    {
        final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofMillis(ttlMillis));
        if (!(result instanceof ContestResult.Claimed claimed))
        {
            say("YIELDED token=" + result.holder().fenceToken());
            return;
        }
        say("HOLDING token=" + claimed.guard().fenceToken() + " expires=" + claimed.guard().holder().expiresAtNanos());
        blockUntilKilled();
    }

    /**
     * Claims until it wins, printing {@code YIELD token=} once per holder seen; then prints
     * {@code HOLDING token= at=} and serves RENEW lines from the parent until killed or stdin closes.
     */
    private static void contend(final Contest contest, final String subject, final String owner, final long ttlMillis)
    {
        say("READY");
        long lastSeen = -1;
        while (true)
        {
            final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofMillis(ttlMillis));
            if (result instanceof ContestResult.Claimed claimed)
            {
                say("HOLDING token=" + claimed.guard().fenceToken() + " at=" + System.nanoTime());
                String line;
                while ((line = awaitParentLine()) != null)
                {
                    if ("RENEW".equals(line))
                    {
                        claimed.guard().renew(Duration.ofMillis(ttlMillis));
                        say("RENEWED token=" + claimed.guard().fenceToken());
                    }
                }
                return;
            }
            if (result.holder().fenceToken() != lastSeen)
            {
                lastSeen = result.holder().fenceToken();
                say("YIELD token=" + lastSeen);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    /** Claims with a ttl and renews it every {@code everyMillis} for {@code forMillis}, then stops renewing. */
    private static void renewer(
        final Contest contest, final String subject, final String owner, final long ttlMillis, final long everyMillis, final long forMillis)
    {
        final Guard guard = ((ContestResult.Claimed)contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofMillis(ttlMillis))).guard();
        say("HOLDING token=" + guard.fenceToken() + " expires=" + guard.holder().expiresAtNanos());
        final long stop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(forMillis);
        while (System.nanoTime() - stop < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(everyMillis));
            guard.renew(Duration.ofMillis(ttlMillis));
        }
        say("STOPPED expires=" + guard.holder().expiresAtNanos());
        blockUntilKilled();
    }

    /**
     * Claims, then starts an update of its lease's slot and stops in the middle (odd seq word, half a
     * new deadline written), as a process killed mid-renew would leave it. On COMMIT it tries to
     * finish the update and prints whether its commit still landed.
     */
    private static void stuck(final Contest contest, final String subject, final String owner)
    {
        final Guard guard = ((ContestResult.Claimed)contest.tryClaim(SUBJECT_TYPE, subject, owner, Duration.ofSeconds(60))).guard();
        final ContestTable table = ContestTestHooks.table(contest);
        final int slot = slotOf(table, guard.fenceToken());
        final SlotSnapshot snapshot = new SlotSnapshot();
        table.read(slot, snapshot);
        final long odd = table.begin(slot, snapshot.word);
        table.buffer().putInt(ContestLayout.slotOffset(slot) + ContestLayout.EXPIRES_AT_OFFSET, -1); // half a deadline
        say("STUCK token=" + guard.fenceToken() + " slot=" + slot);
        String line;
        while ((line = awaitParentLine()) != null)
        {
            if ("COMMIT".equals(line))
            {
                say("COMMIT landed=" + table.commit(slot, odd));
            }
        }
    }

    /** The slot of a held lease: the one whose fence token is the lease's (tokens are unique in a fleet). */
    private static int slotOf(final ContestTable table, final long fenceToken)
    {
        final int slots = table.buffer().getInt(ContestLayout.SLOT_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        for (int slot = 0; slot < slots; slot++)
        {
            if (table.buffer().getLong(ContestLayout.slotOffset(slot) + ContestLayout.FENCE_TOKEN_OFFSET, ByteOrder.LITTLE_ENDIAN) == fenceToken)
            {
                return slot;
            }
        }
        throw new IllegalStateException("no slot holds fence token " + fenceToken);
    }

    /** Takes the insert lock of a subject's home slot and keeps it until killed. */
    private static void lock(final Contest contest, final String subject)
    {
        final long hash = ContestTable.subjectHash(SUBJECT_TYPE, subject.getBytes(StandardCharsets.UTF_8));
        ContestTestHooks.table(contest).lockInsert((int)hash & (contest.capacity() - 1));
        say("LOCKED");
        blockUntilKilled();
    }
}
