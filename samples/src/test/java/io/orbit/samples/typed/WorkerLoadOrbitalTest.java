package io.orbit.samples.typed;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.RecordLayout;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.exceptions.KindConflictException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import io.orbit.samples.fleet.WorkerLoad;
import io.orbit.samples.fleet.WorkerLoadCodec;
import io.orbit.samples.fleet.WorkerLoadOrbital;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The generated {@code WorkerLoadOrbital} across real JVMs on a shared-memory fleet, the layout
 * fingerprint check on attach, and the start-up KIND conflict check.
 */
class WorkerLoadOrbitalTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static String ask(final ChildJvm child, final Writer stdin, final String command, final String answer) throws IOException
    {
        stdin.write(command + "\n");
        stdin.flush();
        return child.awaitPrefix(answer);
    }

    @Test
    void storeAndLoadAcrossTwoJvms() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ChildJvm child = ChildJvm.start(dir.path(), WorkerLoadChild.class, name, "3", "1");
            Writer stdin = new OutputStreamWriter(child.process().getOutputStream(), StandardCharsets.UTF_8))
        {
            child.awaitLine("READY"::equals);
            try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
            {
                final WorkerLoadOrbital orbital = WorkerLoadOrbital.of(fleet);
                assertEquals(Optional.empty(), orbital.load(), "nothing stored yet");

                final long mine = orbital.store(new WorkerLoad(1, 9));
                final long theirs = NetId64.parse(ask(child, stdin, "store 4 6", "STORED "));
                assertEquals(12, NetId64.kind(theirs));
                assertEquals(1, NetId64.node(theirs));

                assertEquals(Optional.of(new WorkerLoad(4, 6)), orbital.load(), "newest store of any node wins");
                assertEquals(Optional.of(new WorkerLoad(1, 9)), orbital.load(0));
                assertEquals(Optional.of(new WorkerLoad(4, 6)), orbital.load(1));
                assertEquals(Optional.empty(), orbital.load(2));
                assertEquals(Map.of(0, new WorkerLoad(1, 9), 1, new WorkerLoad(4, 6)), orbital.loadAll());
                assertEquals(Optional.of(new WorkerLoad(4, 6)), orbital.loadById(theirs));
                assertEquals(Optional.of(new WorkerLoad(1, 9)), orbital.loadById(mine));

                orbital.store(new WorkerLoad(2, 8));
                assertEquals("WorkerLoad[busy=2, idle=8]", ask(child, stdin, "load 0", "LOADED "), "the child sees the parent's store");
                assertEquals(Optional.of(new WorkerLoad(2, 8)), orbital.load(), "a later store wins again");

                final FrameView view = orbital.newView();
                assertTrue(orbital.loadView(1, view));
                assertEquals(4, WorkerLoadCodec.busy(view.payload(), 0), "zero-allocation field reader over the view");
                assertEquals(6, WorkerLoadCodec.idle(view.payload(), 0));
            }
            stdin.write("exit\n");
            stdin.flush();
            assertEquals(0, child.awaitExit());
        }
    }

    @Test
    void processLocalFleetHasTheSameSemantics()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet zero = Fleet.joinAs(name, 2, 0); Fleet one = Fleet.joinAs(name, 2, 1))
        {
            final long first = WorkerLoadOrbital.of(zero).store(new WorkerLoad(1, 1));
            WorkerLoadOrbital.of(one).store(new WorkerLoad(2, 2));
            assertEquals(Optional.of(new WorkerLoad(2, 2)), WorkerLoadOrbital.of(zero).load());
            assertEquals(Optional.of(new WorkerLoad(1, 1)), WorkerLoadOrbital.of(one).loadById(first));
        }
    }

    @Test
    void changedLayoutIsRefusedOnAttachAndTheSegmentIsUntouched() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ChildJvm child = ChildJvm.start(dir.path(), WorkerLoadChild.class, name, "2", "1");
            Writer stdin = new OutputStreamWriter(child.process().getOutputStream(), StandardCharsets.UTF_8))
        {
            child.awaitLine("READY"::equals);
            ask(child, stdin, "store 5 5", "STORED ");
            final RingSpec spec = WorkerLoadCodec.RING_SPEC;
            final OrbitCodec<WorkerLoad> changed = new OrbitCodec<>(WorkerLoad.class,
                new RingSpec(spec.kind(), spec.capacity(), spec.payloadCapacity(), spec.topology(), spec.fingerprint() ^ 1),
                new RecordLayout(1, spec.fingerprint() ^ 1, WorkerLoadCodec.ENCODED_LENGTH), WorkerLoadCodec::validate,
                WorkerLoadCodec::encode, (buffer, offset, length) -> WorkerLoadCodec.decode(buffer, offset));
            final java.nio.file.Path segment = dir.resolve("orbit-" + name + "-12-" + io.orbit.runtime.segment.ProcessIdentity.uid());
            final byte[] before = java.nio.file.Files.readAllBytes(segment);
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final SegmentLayoutException error = assertThrows(SegmentLayoutException.class, () -> Orbital.of(fleet, changed));
                assertTrue(error.getMessage().contains("layout_fingerprint"), error.getMessage());
                assertTrue(error.getMessage().contains(Long.toHexString(spec.fingerprint())), error.getMessage());
            }
            assertArrayEquals(before, java.nio.file.Files.readAllBytes(segment), "nothing written to a refused segment");
        }
    }

    @Test
    void twoTypesWithOneKindInOneFleetAreRefusedAtStartUp()
    {
        try (Fleet fleet = Fleet.join(ShmDirectory.uniqueFleetName(), 1))
        {
            WorkerLoadOrbital.of(fleet);
            final OrbitCodec<Primitives> impostor = new OrbitCodec<>(Primitives.class, WorkerLoadCodec.RING_SPEC,
                WorkerLoadCodec.CODEC.layout(), PrimitivesCodec::validate, PrimitivesCodec::encode,
                (buffer, offset, length) -> PrimitivesCodec.decode(buffer, offset));
            final KindConflictException error = assertThrows(KindConflictException.class, () -> Orbital.of(fleet, impostor));
            final String message = error.getMessage();
            assertTrue(message.contains(WorkerLoad.class.getName()) && message.contains(Primitives.class.getName()), message);
            assertTrue(message.contains("/classes/") && message.contains("/test-classes/"), "names the jars or directories: " + message);
        }
    }
}
