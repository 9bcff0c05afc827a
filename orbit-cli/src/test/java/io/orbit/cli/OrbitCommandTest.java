package io.orbit.cli;

import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code orbit} command against real fleets: a child JVM joins a fleet, stores records, beats,
 * claims and caches; the command (another child JVM) lists, stats, tails and cleans it, before and
 * after the child is killed with SIGKILL.
 */
class OrbitCommandTest
{
    @Test
    @SuppressWarnings("unchecked")
    void listsStatsTailsAndCleansALiveAndThenDeadFleet() throws IOException
    {
        try (ShmDirectory shm = ShmDirectory.create();
             ChildJvm alive = ChildJvm.start(shm.path(), FleetChild.class, "fa", "0");
             ChildJvm doomed = ChildJvm.start(shm.path(), FleetChild.class, "fb", "1"))
        {
            alive.awaitPrefix("READY ");
            doomed.awaitPrefix("READY ");
            doomed.kill9();

            final Map<String, Object> ls = (Map<String, Object>)Cli.run(shm.path(), "ls", "--json").json();
            final Map<String, Object> fa = fleet(ls, "fa");
            assertEquals(true, fa.get("alive"));
            final Map<String, Object> node0 = ((List<Map<String, Object>>)fa.get("nodes")).get(0);
            assertEquals(0L, node0.get("node"));
            assertEquals(true, node0.get("alive"));
            assertEquals(alive.pid(), node0.get("pid"));
            final Map<String, Object> ring12 = segment(fa, 12);
            assertEquals("RING", ring12.get("type"));
            assertEquals("PER_NODE", ring12.get("topology"));
            assertEquals(64L, ring12.get("capacity"));
            assertEquals(3L, ring12.get("lanes"));
            assertEquals(List.of(12L, 200L, 220L, 221L, 222L),
                ((List<Map<String, Object>>)fa.get("segments")).stream().map(s -> s.get("kind")).toList());
            assertEquals(false, fleet(ls, "fb").get("alive"));

            final Map<String, Object> stat = (Map<String, Object>)Cli.run(shm.path(), "stat", "fa", "--json").json();
            final Map<String, Object> statRing = segment(stat, 12);
            assertEquals(List.of(10L, 0L, 0L), statRing.get("laneHeads"));
            assertEquals(Load.class.getName(), statRing.get("role"));
            assertEquals(1L, statRing.get("layoutVersion"), "a typed ring keeps its record's layout version");
            assertEquals(0L, segment(stat, 220).get("layoutVersion"), "the event ring is untyped");
            assertEquals(List.of(3L, 0L, 0L), segment(stat, 220).get("laneHeads"));
            assertEquals("cache", segment(stat, 200).get("role"));
            final List<Map<String, Object>> beats = (List<Map<String, Object>>)segment(stat, 221).get("heartbeats");
            assertEquals(List.of("LIVE", "MISSING", "MISSING"), beats.stream().map(b -> b.get("state")).toList());
            final List<Map<String, Object>> holders = (List<Map<String, Object>>)segment(stat, 222).get("holders");
            assertEquals(1, holders.size());
            assertEquals("job-1", holders.get(0).get("label"));
            assertEquals("worker-0", holders.get(0).get("owner"));
            assertEquals(1L, holders.get(0).get("fenceToken"));
            assertEquals(true, holders.get(0).get("live"));

            final Cli tail = Cli.run(shm.path(), "tail", "fa", "--kind", "12", "--from-start", "--count", "5", "--json");
            assertEquals(0, tail.exit(), tail.output());
            final List<Map<String, Object>> frames = (List<Map<String, Object>>)((Map<String, Object>)tail.json()).get("frames");
            assertEquals(5, frames.size());
            assertEquals("12:0:0", frames.get(0).get("id"));
            assertEquals("Load[busy=0, idle=100]", frames.get(0).get("record"));
            assertEquals("Load[busy=4, idle=96]", frames.get(4).get("record"));
            final Cli events = Cli.run(shm.path(), "tail", "fa", "--events", "--from-start", "--count", "3");
            assertEquals(0, events.exit(), events.output());
            assertTrue(events.output().contains("220:0:2 fk=1"), events.output());
            assertTrue(events.output().contains("topic=orders.created \"order-2\""), events.output());

            final List<String> before = files(shm.path());
            final Cli missing = Cli.run(shm.path(), "tail", "nosuchfleet", "--count", "5");
            assertEquals(3, missing.exit(), missing.output());
            assertTrue(missing.output().contains("no fleet nosuchfleet in " + shm.path()), missing.output());
            assertEquals(before, files(shm.path()), "tail of a missing fleet created files");

            final Cli refused = Cli.run(shm.path(), "clean", "fa");
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains("node 0 is alive (pid " + alive.pid() + ")"), refused.output());

            final Map<String, Object> dead = (Map<String, Object>)Cli.run(shm.path(), "clean", "--dead", "--json").json();
            assertEquals(List.of("fb"), ((List<Map<String, Object>>)dead.get("removed")).stream().map(r -> r.get("fleet")).toList());
            assertEquals(List.of("fa"), ((List<Map<String, Object>>)dead.get("refused")).stream().map(r -> r.get("fleet")).toList());
            assertFalse(files(shm.path()).stream().anyMatch(f -> f.startsWith("orbit-fb-")));
            assertTrue(files(shm.path()).stream().anyMatch(f -> f.startsWith("orbit-fa-")));

            alive.kill9();
            final Cli cleaned = Cli.run(shm.path(), "clean", "fa");
            assertEquals(0, cleaned.exit(), cleaned.output());
            assertEquals(List.of(), files(shm.path()));
            final Cli empty = Cli.run(shm.path(), "ls");
            assertTrue(empty.output().contains("no Orbit files in " + shm.path()), empty.output());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void doctorReportsAMissingDirectory()
    {
        final Path missing = Path.of("/tmp/orbit-doctor-missing-" + ProcessHandle.current().pid());
        final Cli doctor = Cli.run(missing, "doctor", "--dir", missing.toString(), "--json");
        assertEquals(1, doctor.exit(), doctor.output());
        final Map<String, Object> document = (Map<String, Object>)doctor.json();
        assertEquals(false, document.get("ok"));
        final Map<String, Object> check = ((List<Map<String, Object>>)document.get("checks")).get(0);
        assertEquals("shm-directory", check.get("check"));
        assertEquals("FAIL", check.get("status"));
        assertTrue(((String)check.get("detail")).contains("does not exist"));
        final Map<String, Object> flag = ((List<Map<String, Object>>)document.get("checks")).stream()
            .filter(c -> "jvm-add-exports".equals(c.get("check"))).findFirst().orElseThrow();
        assertEquals("OK", flag.get("status"));
        final Cli ls = Cli.run(missing, "ls");
        assertEquals(3, ls.exit(), ls.output());
        assertTrue(ls.output().contains("does not exist"), ls.output());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fleet(final Map<String, Object> ls, final String name)
    {
        return ((List<Map<String, Object>>)ls.get("fleets")).stream().filter(f -> name.equals(f.get("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no fleet " + name + " in " + ls));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> segment(final Map<String, Object> fleet, final int kind)
    {
        return ((List<Map<String, Object>>)fleet.get("segments")).stream().filter(s -> Long.valueOf(kind).equals(s.get("kind")))
            .findFirst().orElseThrow(() -> new AssertionError("no KIND " + kind + " in " + fleet));
    }

    private static List<String> files(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
