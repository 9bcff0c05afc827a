package io.orbit.runtime.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code futex(2)} through {@code java.lang.foreign} (JDK 22+): libc's variadic
 * {@code long syscall(long number, ...)} with every argument passed as a 64-bit value (glibc reads
 * them as {@code long}). Shared futex operations only: the word lives in memory other processes map.
 */
final class FfmFutex extends Futex
{
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;

    /** Static finals: the JIT binds the calls as constants (instance fields would go through the generic invoker). */
    private static final long SYS_FUTEX = syscallNumber();
    private static final MethodHandle WAIT_CALL;
    private static final MethodHandle WAKE_CALL;
    /** One {@code struct timespec} per thread, allocated once (await allocates nothing afterwards). */
    private static final ThreadLocal<MemorySegment> TIMESPEC = ThreadLocal.withInitial(() -> Arena.global().allocate(16, 8));

    static
    {
        final Linker linker = Linker.nativeLinker();
        final MemorySegment syscall = linker.defaultLookup().find("syscall").orElseThrow();
        final FunctionDescriptor sevenLongs = FunctionDescriptor.of(
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        WAIT_CALL = linker.downcallHandle(syscall, sevenLongs, Linker.Option.firstVariadicArg(1));
        // A wake never blocks: a critical call skips the thread-state transition.
        WAKE_CALL = linker.downcallHandle(syscall, sevenLongs, Linker.Option.firstVariadicArg(1), Linker.Option.critical(false));
    }

    private static long syscallNumber()
    {
        if (!"Linux".equals(System.getProperty("os.name")))
        {
            throw new UnsupportedOperationException("futex(2) is Linux-only");
        }
        return switch (System.getProperty("os.arch"))
        {
            case "amd64", "x86_64" -> 202;
            case "aarch64" -> 98;
            default -> throw new UnsupportedOperationException("no futex syscall number for " + System.getProperty("os.arch"));
        };
    }

    @Override
    void await(final long address, final int expected, final long timeoutNs)
    {
        final MemorySegment ts = TIMESPEC.get();
        ts.set(JAVA_LONG, 0, timeoutNs / 1_000_000_000L);
        ts.set(JAVA_LONG, 8, timeoutNs % 1_000_000_000L);
        try
        {
            // Result ignored: EAGAIN (word changed), EINTR, ETIMEDOUT and a wake all mean "look again".
            final long ignored = (long)WAIT_CALL.invokeExact(SYS_FUTEX, address, FUTEX_WAIT, expected & 0xFFFF_FFFFL, ts.address(), 0L, 0L);
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException("futex wait failed", ex);
        }
    }

    @Override
    void wakeAll(final long address)
    {
        try
        {
            final long ignored = (long)WAKE_CALL.invokeExact(SYS_FUTEX, address, FUTEX_WAKE, (long)Integer.MAX_VALUE, 0L, 0L, 0L);
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException("futex wake failed", ex);
        }
    }
}
