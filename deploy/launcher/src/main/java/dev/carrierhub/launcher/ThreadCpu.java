package dev.carrierhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of each thread of one process (Linux {@code /proc/<pid>/task}), to tell a service bound by one
 * busy thread, e.g. an event loop, from one bound by the cores.
 */
record ThreadCpu(long nanos, Map<Long, ThreadTime> threads) {
    /** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /** One thread's name as the kernel keeps it (at most 15 characters) and its user and system ticks so far. */
    record ThreadTime(String name, long ticks) {
    }

    static ThreadCpu read(long pid) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    // After the name: state is field 3 of stat(5), utime 14 and stime 15.
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTime(name, ticks));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we looked.
                }
            });
        } catch (IOException e) {
            // The process is gone: no threads.
        }
        return new ThreadCpu(System.nanoTime(), Map.copyOf(threads));
    }

    /** The {@code n} threads that used the most CPU since {@code earlier}, as "name (tid) cores". */
    List<String> busiestSince(ThreadCpu earlier, int n) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return threads.entrySet().stream()
                .map(e -> Map.entry(e, e.getValue().ticks() - (earlier.threads.containsKey(e.getKey())
                        ? earlier.threads.get(e.getKey()).ticks() : 0)))
                .sorted(Comparator.comparingLong(e -> -e.getValue()))
                .limit(n)
                .map(e -> String.format("%s (%d) %.2f", e.getKey().getValue().name(), e.getKey().getKey(),
                        e.getValue() / TICKS_PER_SECOND / seconds))
                .toList();
    }
}
