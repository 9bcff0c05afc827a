package io.orbit.runtime.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges one poll's events across nodes. A poll lists each node's events as one run in publish
 * order; the merge repeatedly takes the run head with the smallest (timestamp, node). Because it
 * only ever takes run heads, a node's events never change order, even when that node's wall clock
 * stepped back; when every node's timestamps are non-decreasing, the result is sorted by
 * (timestamp, node).
 */
final class EventMerge
{
    private EventMerge()
    {
    }

    static List<OrbitEvent> byTimestamp(final List<OrbitEvent> laneOrdered)
    {
        // Runs: maximal blocks of one node, as the poll produced them (node by node).
        final List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= laneOrdered.size(); i++)
        {
            if (i == laneOrdered.size() || laneOrdered.get(i).node() != laneOrdered.get(start).node())
            {
                runs.add(new int[] {start, i});
                start = i;
            }
        }
        if (runs.size() <= 1)
        {
            return laneOrdered;
        }
        final List<OrbitEvent> merged = new ArrayList<>(laneOrdered.size());
        while (merged.size() < laneOrdered.size())
        {
            int[] best = null;
            for (final int[] run : runs)
            {
                if (run[0] < run[1] && (best == null || before(laneOrdered.get(run[0]), laneOrdered.get(best[0]))))
                {
                    best = run;
                }
            }
            merged.add(laneOrdered.get(best[0]++));
        }
        return merged;
    }

    /** Timestamps are u64 on the wire, so they compare unsigned; ties go to the lower node. */
    private static boolean before(final OrbitEvent a, final OrbitEvent b)
    {
        final int byTime = Long.compareUnsigned(a.timestampMs(), b.timestampMs());
        return byTime < 0 || (byTime == 0 && a.node() < b.node());
    }
}
