package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes an install: on Cloudflare exactly the workers, namespaces and bucket its journal says it created — nothing
 * the user had before — then its config and secrets. Each deletion is struck from the journal as it happens, so
 * an interrupted uninstall can simply be run again.
 */
public final class Uninstaller {
    /** What was removed, and what could not be (with Cloudflare's reason). */
    public record Report(String name, List<Note> removed, List<Failure> problems) {
        public boolean complete() {
            return problems.isEmpty();
        }
    }

    private final AppHome home;
    private final InstallConfigStore store;
    private final SecretStore secrets;
    private final Map<String, String> env;

    public Uninstaller(AppHome home, SecretStore secrets, Map<String, String> env) {
        this.home = home;
        this.store = new InstallConfigStore(home);
        this.secrets = secrets;
        this.env = Map.copyOf(env);
    }

    /** @param confirm must equal the install's name: removing is not undoable */
    public Report uninstall(String name, String confirm, InstallListener listener) {
        InstallConfig config = store.load(name);
        if (!name.equals(confirm)) {
            throw new UserFacingException(Failure.of(Failure.Code.CONFIRMATION_MISMATCH, name),
                    Advice.of(Advice.Code.CONFIRM_NAME, name));
        }
        List<Note> removed = new ArrayList<>();
        List<Failure> problems = new ArrayList<>();
        InstallOptions options = new InstallOptions(config.target(), name, null, null, null, null,
                java.util.Optional.ofNullable(config.accountId()), false, false);
        try (InstallSession session = new InstallSession(home, options, store, secrets, new ToolchainManager(home.tools()), env, config)) {
            if (config.target() == Target.LOCAL) {
                // Only this install's engine and folder: another local install's data is never touched.
                var engine = session.localEngine();
                if (engine.stop()) {
                    removed.add(Note.of(Note.Code.REMOVED_LOCAL_ENGINE));
                }
                if (java.nio.file.Files.exists(engine.folder())) {
                    deleteFolder(engine.folder());
                    removed.add(Note.of(Note.Code.REMOVED_LOCAL_DATA));
                }
            } else {
                removeFromCloudflare(session, removed, problems);
            }
            if (problems.isEmpty()) {
                secrets.deleteAll(name);
                deleteFolder(store.folder(name));
                removed.add(Note.of(Note.Code.REMOVED_CONFIG));
            }
        }
        return new Report(name, List.copyOf(removed), List.copyOf(problems));
    }

    private static void removeFromCloudflare(InstallSession session, List<Note> removed, List<Failure> problems) {
        if (session.config().journal().isEmpty()) {
            // Created nothing (e.g. it stopped at the token check): there is nothing to ask Cloudflare, and no token
            // or account is needed to forget it.
            removed.add(Note.of(Note.Code.REMOVED_NOTHING_IN_CLOUDFLARE));
            return;
        }
        CloudflareClient cf = session.cloudflare();
        String account = session.accountId();
        // Workers first: a namespace or bucket still bound to a worker cannot be deleted.
        List<JournalEntry> ordered = new ArrayList<>(session.config().journal());
        ordered.sort((a, b) -> Integer.compare(rank(a.kind()), rank(b.kind())));
        for (JournalEntry e : ordered) {
            int objects = 0;
            try {
                boolean existed = switch (e.kind()) {
                    case WORKER -> cf.deleteWorkerScript(account, e.name());
                    case KV_NAMESPACE -> cf.deleteKvNamespace(account, e.id());
                    case R2_BUCKET -> {
                        // Cloudflare refuses to delete a bucket that holds objects, and the registry copies
                        // component binaries into it; the bucket is this install's, so its objects are too.
                        objects = cf.emptyR2Bucket(account, e.name());
                        yield cf.deleteR2Bucket(account, e.name());
                    }
                };
                session.update(c -> c.withoutJournalEntry(e.kind(), e.name()));
                removed.add(existed ? Note.of(Note.Code.REMOVED_RESOURCE, e.kind(), e.name(), objects)
                        : Note.of(Note.Code.REMOVED_ALREADY_GONE, e.kind(), e.name()));
            } catch (UserFacingException ex) {
                // The journal entry stays, so running uninstall again continues with this resource.
                problems.add(Failure.of(Failure.Code.NOT_REMOVED, e.kind(), e.name(), ex.failure()));
            }
        }
    }

    private static int rank(JournalEntry.Kind kind) {
        return switch (kind) {
            case WORKER -> 0;
            case KV_NAMESPACE -> 1;
            case R2_BUCKET -> 2;
        };
    }

    private static void deleteFolder(java.nio.file.Path dir) {
        try {
            FetchStep.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
