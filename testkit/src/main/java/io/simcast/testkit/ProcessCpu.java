package io.simcast.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time, resident size, threads and open files of processes, from Linux's /proc: how much of the machine the
 * host and the browsers take while a benchmark runs, and whether a long run leaks. Any thread.
 */
public final class ProcessCpu {
    private static final double CLOCK_TICKS = 100; // USER_HZ on Linux

    private ProcessCpu() {}

    /** User plus system CPU seconds of {@code pid} and every descendant (Chromium runs many processes). */
    public static double cpuSeconds(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        double seconds = 0;
        for (long each : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(each), "stat"), StandardCharsets.UTF_8);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
        }
        return seconds;
    }

    /** VmRSS of {@code pid} in KiB. */
    public static long residentKiB(long pid) throws IOException {
        return statusField(pid, "VmRSS");
    }

    /** Threads of {@code pid} (native and Java platform threads alike). */
    public static long threads(long pid) throws IOException {
        return statusField(pid, "Threads");
    }

    /** File descriptors {@code pid} holds open (files, sockets, pipes, event fds). */
    public static long openFiles(long pid) throws IOException {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return entries.count();
        }
    }

    /**
     * The open file descriptors of {@code pid} by kind: {@code socket}, {@code pipe}, an anonymous inode's name
     * ({@code anon_inode:[eventfd]}), or {@code file}; to tell what a change in {@link #openFiles} is made of.
     */
    public static Map<String, Integer> openFileKinds(long pid) throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path entry : entries.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (IOException e) {
                    continue; // closed between listing and reading
                }
                String kind = target.startsWith("socket:") ? "socket" : target.startsWith("pipe:") ? "pipe"
                        : target.startsWith("anon_inode:") ? target : "file";
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        return kinds;
    }

    private static long statusField(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + name + " for process " + pid);
    }
}
