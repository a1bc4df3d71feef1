package dev.arcrun.core.cloudflare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The client's threads: independent calls run at once, HTTP concurrency stays bounded by the in-flight limit. */
final class Parallel implements AutoCloseable {
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, tasks);
    }

    /** Waits for all; rethrows the first failure as it was thrown (a UserFacingException keeps its message). */
    static <T> List<T> join(List<CompletableFuture<T>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // fall through: report the first failure in submission order
        }
        List<T> out = new ArrayList<>();
        for (CompletableFuture<T> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return out;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
