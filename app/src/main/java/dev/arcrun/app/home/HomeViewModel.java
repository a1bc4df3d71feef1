package dev.arcrun.app.home;

import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.UserFacingException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first page: where should the engine run? Starting on this computer needs no account, so it is offered
 * first. Holds no Nodes; the view binds to the read-only properties and calls the commands.
 */
public final class HomeViewModel {

    /**
     * Installs (first time) or starts the engine on this computer and returns its URL; reports what it is doing
     * through {@code progress}; throws with advice when it cannot.
     */
    @FunctionalInterface
    public interface LocalEngineStarter {
        String start(Consumer<String> progress) throws Exception;
    }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final LocalEngineStarter starter;
    private Activities activities = new Activities();
    private final Runnable openCloudflareWizard;
    private final Runnable openDashboard;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper localUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param uiThread where property changes must happen ({@code Platform::runLater}; direct in tests) */
    /**
     * @param openCloudflareWizard shows the Cloudflare install wizard (the window's navigation)
     * @param openDashboard        shows the dashboard page, offered once the local engine runs
     */
    public HomeViewModel(TaskExecutor executor, Executor uiThread, LocalEngineStarter starter, Runnable openCloudflareWizard,
                         Runnable openDashboard) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.starter = starter;
        this.openCloudflareWizard = openCloudflareWizard;
        this.openDashboard = openDashboard;
    }

    public void openCloudflareWizard() {
        openCloudflareWizard.run();
    }

    public void openDashboard() {
        openDashboard.run();
    }

    /** Reports a start on this computer to {@code a}, so closing the window asks first. */
    public HomeViewModel tracking(Activities a) {
        this.activities = a;
        return this;
    }

    public void startLocal() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        // The first start installs the toolchain and the engine: closing mid-way asks, the next start resumes.
        Activities.Handle activity = activities.begin(Activities.Kind.LOCAL_START, "local", () -> { });
        Callable<String> work = () -> starter.start(text -> uiThread.execute(() -> progress.set(text)));
        executor.execute(work, url -> {
            activity.close();
            busy.set(false);
            progress.set("");
            localUrl.set(url);
        }, failure -> {
            activity.close();
            busy.set(false);
            progress.set("");
            error.set(failure instanceof ArcrunException u ? u.oneLine()
                    : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        });
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty localUrlProperty() { return localUrl.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** What the start is doing right now (empty when idle). */
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
}
