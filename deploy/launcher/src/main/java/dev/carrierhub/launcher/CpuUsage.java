package dev.carrierhub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went between two readings (Linux {@code /proc}): the whole machine, this JVM, and
 * each process it started, by name. On a two-core machine where the service, the broker, the database and
 * the load share the cores, this tells which of them a limit comes from.
 */
record CpuUsage(long nanos, long machineBusyTicks, long machineTicks, Map<Long, ProcessTime> processes) {
    static final String THIS_JVM = "benchmark JVM (load, sandbox carrier, watcher)";

    /** One process's CPU time so far and the name it is reported under. */
    record ProcessTime(String name, Duration cpu) {
    }

    /**
     * Reads the machine's counters and the CPU time of this JVM, of every process it started, and of the process
     * trees {@code roots} names by the pid of their root (a server that detached from this JVM, say). A process
     * under a named root is reported by its root's name, any other by its executable's name.
     */
    static CpuUsage read(Map<Long, String> roots) {
        Map<Long, ProcessTime> processes = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        roots.forEach((pid, name) -> ProcessHandle.of(pid).ifPresent(root ->
                Stream.concat(Stream.of(root), root.descendants()).forEach(process -> add(processes, process, name))));
        add(processes, self, THIS_JVM);
        self.descendants().filter(process -> !processes.containsKey(process.pid()))
                .forEach(process -> add(processes, process, executable(process)));
        long[] machine = readMachineTicks();
        return new CpuUsage(System.nanoTime(), machine[0], machine[1], Map.copyOf(processes));
    }

    private static void add(Map<Long, ProcessTime> processes, ProcessHandle process, String name) {
        process.info().totalCpuDuration().ifPresent(cpu -> processes.put(process.pid(), new ProcessTime(name, cpu)));
    }

    /** Cores busy on average since {@code earlier}, over the whole machine (every process, ours or not). */
    double machineCoresSince(CpuUsage earlier) {
        long total = machineTicks - earlier.machineTicks;
        return total == 0 ? 0 : (double) (machineBusyTicks - earlier.machineBusyTicks) / total
                * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Cores used on average since {@code earlier} per process name. A process that started in between counts
     * all its time; one that ended in between is missing (its time is in the machine's total only).
     */
    Map<String, Double> coresByNameSince(CpuUsage earlier) {
        double wall = nanos - earlier.nanos;
        Map<String, Double> cores = new TreeMap<>();
        processes.forEach((pid, now) -> {
            ProcessTime before = earlier.processes.get(pid);
            long used = now.cpu().toNanos() - (before == null ? 0 : before.cpu().toNanos());
            cores.merge(now.name(), used / wall, Double::sum);
        });
        return cores;
    }

    private static String executable(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .orElse("pid " + process.pid());
    }

    /** Busy and total ticks of all cores from the first line of {@code /proc/stat}. */
    private static long[] readMachineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already inside user and nice]
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
            return new long[] {busy, total};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }
}
