package dev.arcrun.core.deploy;

import java.nio.file.Path;
import java.util.List;

/** Every worker's outcome, in deploy order, and where the full log is. */
public record DeployReport(List<WorkerOutcome> workers, Path logFile) {

    public DeployReport {
        workers = List.copyOf(workers);
    }

    public boolean allDeployed() {
        return workers.stream().allMatch(w -> w instanceof WorkerOutcome.Deployed);
    }

    public boolean anyFailed() {
        return workers.stream().anyMatch(w -> w instanceof WorkerOutcome.Failed);
    }
}
