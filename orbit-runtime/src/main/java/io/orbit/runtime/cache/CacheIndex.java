package io.orbit.runtime.cache;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The process-local state of a cache: for every scoped key the newest PUT or DELETE, and for every
 * reset prefix the newest RESET, among the frames of the retained window that were applied. It
 * answers exactly what a backward walk over the same frames answers (the first, i.e. newest, frame
 * that is a PUT/DELETE of the key or a RESET of a prefix of it decides), in O(1) for a key held in
 * the index.
 *
 * <p>{@link #apply} is <em>order-independent and idempotent</em>: a frame changes the state only
 * when its counter is newer than what it competes with (an entry of the same key, or a covering
 * RESET). So frames may arrive out of counter order (frames committed behind a pending slot, late
 * commits) or twice, and the state is still the function of the set of applied frames that the
 * backward walk computes. Invariant: no entry is older than a RESET covering it (a RESET removes
 * the older entries it covers; an older PUT arriving after a covering RESET is dropped).
 *
 * <p>Window: {@link #advanceFloor} forgets every entry and RESET whose counter fell below
 * {@code head - capacity}. Each applied frame is recorded in an eviction slot at
 * {@code counter mod capacity}, so forgetting costs O(1) per counter the floor moves past, and the
 * index never holds more than {@code capacity} entries plus RESETs.
 *
 * <p>Not thread-safe: the owning cache serialises access.
 */
final class CacheIndex
{
    private final int capacity;
    private final long mask;
    private final Map<ByteKey, Entry> entries = new HashMap<>();
    private final Map<ByteKey, Reset> resets = new HashMap<>();
    /** RESET prefixes per prefix length, so a covering lookup probes only lengths in use. */
    private final int[] resetLengths;
    private int maxResetLength = -1;
    private final long[] evictCounter;
    private final ByteKey[] evictKey;
    private final boolean[] evictIsReset;
    private final ByteKey probe;
    private final ByteKey prefixProbe;
    private long floor;

    /**
     * @param capacity     ring slots (the window length), a power of two.
     * @param maxKeyLength longest scoped key a frame can carry.
     */
    CacheIndex(final int capacity, final int maxKeyLength)
    {
        this.capacity = capacity;
        this.mask = capacity - 1L;
        this.resetLengths = new int[maxKeyLength + 1];
        this.evictCounter = new long[capacity];
        this.evictKey = new ByteKey[capacity];
        this.evictIsReset = new boolean[capacity];
        this.probe = ByteKey.probe(maxKeyLength);
        this.prefixProbe = ByteKey.probe(maxKeyLength);
        Arrays.fill(evictCounter, -1);
    }

    /**
     * Applies one decoded frame.
     *
     * @param counter the frame's ring counter.
     * @param frame   a valid decoded mutation.
     * @return true when the state changed.
     */
    boolean apply(final long counter, final CacheFrame frame)
    {
        final int slot = (int)(counter & mask);
        if (counter < floor || evictCounter[slot] > counter)
        {
            return false; // left the window already: a newer lap holds its eviction slot
        }
        probe.set(frame.buffer(), frame.keyOffset(), frame.keyLength());
        if (frame.op() == CacheFrame.OP_RESET)
        {
            return applyReset(slot, counter);
        }
        if (newestCoveringReset(probe) > counter)
        {
            return false;
        }
        final Entry existing = entries.get(probe);
        if (existing != null && existing.counter >= counter)
        {
            return false;
        }
        final ByteKey key = existing != null ? existing.key : probe.copy();
        final byte[] value = new byte[frame.valueLength()];
        frame.buffer().getBytes(frame.valueOffset(), value);
        entries.put(key, new Entry(key, counter, frame.op(), value, frame.expiresAtMs()));
        record(slot, counter, key, false);
        return true;
    }

    private boolean applyReset(final int slot, final long counter)
    {
        Reset reset = resets.get(probe);
        if (reset != null && reset.counter >= counter)
        {
            return false; // a newer RESET of this prefix already removed all this one would
        }
        if (reset == null)
        {
            reset = new Reset(probe.copy(), counter);
            resets.put(reset.prefix, reset);
            resetLengths[reset.prefix.length()]++;
            maxResetLength = Math.max(maxResetLength, reset.prefix.length());
        }
        else
        {
            reset.counter = counter;
        }
        final Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext())
        {
            final Entry entry = it.next();
            if (entry.counter < counter && entry.key.startsWith(reset.prefix))
            {
                it.remove();
            }
        }
        record(slot, counter, reset.prefix, true);
        return true;
    }

    /**
     * Looks a scoped key up.
     *
     * @param prefix cache prefix.
     * @param key    key inside the prefix.
     * @param nowMs  monotonic now in ms, for expiry.
     * @return what a backward walk over the applied frames answers.
     */
    CacheRead read(final byte[] prefix, final byte[] key, final long nowMs)
    {
        probe.set(prefix, key);
        final Entry entry = entries.get(probe);
        if (entry != null)
        {
            if (entry.op == CacheFrame.OP_DELETE)
            {
                return CacheRead.miss(CacheRead.Outcome.DELETED, entry.counter, 0);
            }
            if (entry.expiresAtMs != 0 && Long.compareUnsigned(entry.expiresAtMs, nowMs) <= 0)
            {
                return CacheRead.miss(CacheRead.Outcome.EXPIRED, entry.counter, entry.expiresAtMs);
            }
            return CacheRead.hit(entry.value, entry.counter, entry.expiresAtMs); // never mutated; value() hands out copies
        }
        final long reset = newestCoveringReset(probe);
        return reset >= 0 ? CacheRead.miss(CacheRead.Outcome.RESET, reset, 0) : CacheRead.miss(CacheRead.Outcome.ABSENT, -1, 0);
    }

    /**
     * The zero-allocation form of {@link #read}: the value of a hit, without a result object.
     *
     * @param prefix cache prefix.
     * @param key    key inside the prefix.
     * @param nowMs  monotonic now in ms, for expiry.
     * @return the held value on a hit (never mutated: callers copy out of it, never into it); null on a miss.
     */
    byte[] hitValue(final byte[] prefix, final byte[] key, final long nowMs)
    {
        final Entry entry = entries.get(probe.set(prefix, key));
        if (entry == null || entry.op == CacheFrame.OP_DELETE
            || (entry.expiresAtMs != 0 && Long.compareUnsigned(entry.expiresAtMs, nowMs) <= 0))
        {
            return null;
        }
        return entry.value;
    }

    /**
     * Forgets everything below a new window floor.
     *
     * @param newFloor {@code max(0, head - capacity)}.
     */
    void advanceFloor(final long newFloor)
    {
        if (newFloor <= floor)
        {
            return;
        }
        if (newFloor - floor >= capacity)
        {
            for (int slot = 0; slot < capacity; slot++)
            {
                if (evictCounter[slot] >= 0 && evictCounter[slot] < newFloor)
                {
                    evict(slot);
                }
            }
        }
        else
        {
            for (long counter = floor; counter < newFloor; counter++)
            {
                final int slot = (int)(counter & mask);
                if (evictCounter[slot] == counter)
                {
                    evict(slot);
                }
            }
        }
        floor = newFloor;
    }

    /**
     * @return the current window floor.
     */
    long floor()
    {
        return floor;
    }

    /**
     * Forgets everything (after a ring reset).
     */
    void clear()
    {
        entries.clear();
        resets.clear();
        Arrays.fill(resetLengths, 0);
        maxResetLength = -1;
        Arrays.fill(evictCounter, -1);
        Arrays.fill(evictKey, null);
        floor = 0;
    }

    /**
     * @return keys held (PUTs and DELETE tombstones).
     */
    int size()
    {
        return entries.size();
    }

    /**
     * @return RESET prefixes held.
     */
    int resetCount()
    {
        return resets.size();
    }

    /** Counter of the newest RESET whose prefix begins the key, or -1. */
    private long newestCoveringReset(final ByteKey key)
    {
        long newest = -1;
        final int longest = Math.min(key.length(), maxResetLength);
        for (int length = 0; length <= longest; length++)
        {
            if (resetLengths[length] > 0)
            {
                final Reset reset = resets.get(prefixProbe.setPrefixOf(key, length));
                if (reset != null && reset.counter > newest)
                {
                    newest = reset.counter;
                }
            }
        }
        return newest;
    }

    /**
     * Records which key a counter set. An older record in the slot belongs to a counter at least one
     * lap older, which is outside the window (this counter was claimed, so the head is past it).
     */
    private void record(final int slot, final long counter, final ByteKey key, final boolean isReset)
    {
        if (evictCounter[slot] >= 0 && evictCounter[slot] != counter)
        {
            evict(slot);
        }
        evictCounter[slot] = counter;
        evictKey[slot] = key;
        evictIsReset[slot] = isReset;
    }

    /** Removes the slot's entry or RESET if that counter still holds it (a newer one may have replaced it). */
    private void evict(final int slot)
    {
        final long counter = evictCounter[slot];
        final ByteKey key = evictKey[slot];
        if (evictIsReset[slot])
        {
            final Reset reset = resets.get(key);
            if (reset != null && reset.counter == counter)
            {
                resets.remove(key);
                resetLengths[key.length()]--;
            }
        }
        else
        {
            final Entry entry = entries.get(key);
            if (entry != null && entry.counter == counter)
            {
                entries.remove(key);
            }
        }
        evictCounter[slot] = -1;
        evictKey[slot] = null;
    }

    /** The newest PUT or DELETE of one key. */
    private record Entry(ByteKey key, long counter, int op, byte[] value, long expiresAtMs)
    {
    }

    /** The newest RESET of one prefix. */
    private static final class Reset
    {
        private final ByteKey prefix;
        private long counter;

        private Reset(final ByteKey prefix, final long counter)
        {
            this.prefix = prefix;
            this.counter = counter;
        }
    }
}
