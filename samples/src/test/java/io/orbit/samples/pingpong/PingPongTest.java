package io.orbit.samples.pingpong;

import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PingPongTest
{
    @Test
    void twoProcessesBounceTheRecordAndPrintPercentiles(@TempDir final Path shmDir) throws Exception
    {
        final SampleRun run = SampleRun.run(shmDir, PingPong.class, "2000");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("2000 round trips"), run.output());
        final Matcher percentiles = Pattern.compile("p50=(\\d+) p90=(\\d+) p99=(\\d+) p99\\.9=(\\d+)").matcher(run.output());
        assertTrue(percentiles.find(), run.output());
        final long p50 = Long.parseLong(percentiles.group(1));
        assertTrue(p50 > 0 && p50 <= Long.parseLong(percentiles.group(3)), "ordered percentiles: " + run.output());
        assertEquals(List.of(), SampleRun.filesLeft(shmDir));
    }
}
