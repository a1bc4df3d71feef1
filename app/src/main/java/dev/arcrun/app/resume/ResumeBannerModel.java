package dev.arcrun.app.resume;

import dev.arcrun.app.common.TaskExecutor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The banner over every page that offers to finish an install that stopped: read on every start and again whenever
 * the user changes page (an install may have finished or stopped meanwhile). "Not now" hides it until the next start.
 */
public final class ResumeBannerModel {
    private final TaskExecutor executor;
    private final Callable<List<UnfinishedInstall>> finder;
    private final Finisher finisher;
    private final ObservableList<UnfinishedInstall> shown = FXCollections.observableArrayList();
    private final Set<String> dismissed = new HashSet<>();

    public ResumeBannerModel(TaskExecutor executor, Callable<List<UnfinishedInstall>> finder, Finisher finisher) {
        this.executor = executor;
        this.finder = finder;
        this.finisher = finisher;
    }

    public void refresh() {
        executor.execute(finder, found -> shown.setAll(found.stream().filter(u -> !dismissed.contains(u.name())).toList()),
                failure -> { }); // an unreadable app folder: the dashboard says so; the banner just stays away
    }

    public void finish(UnfinishedInstall install) {
        shown.remove(install);
        finisher.finish(install);
    }

    public void dismiss(UnfinishedInstall install) {
        dismissed.add(install.name());
        shown.remove(install);
    }

    public ObservableList<UnfinishedInstall> installs() { return shown; }
}
