package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import org.agrona.concurrent.AtomicBuffer;

import static io.orbit.runtime.ring.RingLayout.NOTIFICATION_GENERATION_OFFSET;
import static io.orbit.runtime.ring.RingLayout.WAITERS_OFFSET;

/**
 * The publisher's half of wake-ups, as orbit-rs's {@code notify(ring)}: after a commit, increment
 * the ring's {@code notification_generation} word, then wake the threads waiting on it with a shared
 * {@code FUTEX_WAKE}. The system call is paid only when it may matter: {@link Notify#ALWAYS}, or a
 * Java waiter is registered in the waiter count (header offset 56, bytes orbit-rs leaves alone).
 * Without a futex (JDK 17 build or runtime) there is nothing to call: waiters watch the word.
 */
final class RingNotifier
{
    private final AtomicBuffer buffer;
    private final Notify mode;
    private final long wordAddress;

    RingNotifier(final AtomicBuffer buffer, final Notify mode)
    {
        this.buffer = buffer;
        this.mode = mode == Notify.WAITERS && OrbitProperties.notifyAlways() ? Notify.ALWAYS : mode;
        this.wordAddress = buffer.addressOffset() + NOTIFICATION_GENERATION_OFFSET;
    }

    Notify mode()
    {
        return mode;
    }

    /** After a commit: a waiter that sees the new word value sees the committed frame. */
    void published()
    {
        if (mode != Notify.NONE)
        {
            // Volatile RMW: releases the commit to whoever reads the new value, and orders the waiter-count read
            // below after it (the waiter registers, then re-reads the word: one of the two sides sees the other).
            buffer.getAndAddInt(NOTIFICATION_GENERATION_OFFSET, 1);
            if (mode == Notify.ALWAYS || buffer.getIntVolatile(WAITERS_OFFSET) > 0)
            {
                wake();
            }
        }
    }

    /** On close: wake everyone waiting on this ring, here and in other processes (as orbit-rs's event fd drop). */
    void closing()
    {
        if (mode != Notify.NONE)
        {
            buffer.getAndAddInt(NOTIFICATION_GENERATION_OFFSET, 1); // every waiter's expected value is now stale
            wake();
        }
    }

    private void wake()
    {
        final Futex futex = Futex.SYSTEM;
        if (futex != null)
        {
            futex.wakeAll(wordAddress);
        }
    }
}
