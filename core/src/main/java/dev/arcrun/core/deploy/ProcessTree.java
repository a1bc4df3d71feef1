package dev.arcrun.core.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and everything it started (wrangler runs a second node, which may run esbuild or workerd).
 * Descendants are collected while the parent is still alive (after it dies they are re-parented and can no longer
 * be found), asked to stop, and forced after a grace period. Works the same on Linux, macOS and Windows through
 * {@link ProcessHandle}; on Windows "ask" is already forceful.
 */
public final class ProcessTree {

    static final Duration GRACE = Duration.ofSeconds(3);

    private ProcessTree() {
    }

    public static void kill(ProcessHandle root) {
        kill(root, GRACE);
    }

    static void kill(ProcessHandle root, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        collect(root, all);
        // Children first, so a parent that restarts children on their death has none to restart.
        List<ProcessHandle> order = new ArrayList<>(all);
        java.util.Collections.reverse(order);
        for (ProcessHandle p : order) {
            p.destroy();
        }
        awaitExit(all, grace);
        for (int round = 0; round < 3; round++) {
            Set<ProcessHandle> alive = new LinkedHashSet<>();
            for (ProcessHandle p : all) {
                if (p.isAlive()) collect(p, alive); // catches anything spawned during the grace period
            }
            if (alive.isEmpty()) return;
            alive.forEach(ProcessHandle::destroyForcibly);
            awaitExit(alive, Duration.ofSeconds(2));
            all = alive;
        }
    }

    private static void collect(ProcessHandle root, Set<ProcessHandle> into) {
        into.add(root);
        root.descendants().forEach(into::add);
    }

    private static void awaitExit(Set<ProcessHandle> processes, Duration limit) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // some still alive: the caller forces them
        }
    }
}
