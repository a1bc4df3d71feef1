package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.config.AppHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deploys workers with the real {@code wrangler deploy}, tier by tier, each with its secrets in the same upload
 * ({@code --secrets-file}): the first version Cloudflare ever serves already carries them, so there is no moment in
 * which a deployed engine has no keys. On POSIX the secrets reach wrangler through its stdin ({@code /dev/stdin}), so
 * they touch no disk; on Windows through a file in a private temporary folder, deleted as soon as wrangler ends. Every line goes, redacted, to the caller's listener and to a log
 * file. Within a tier every worker is tried; after a tier with a failure, later tiers are not run (they bind to it).
 */
public final class DeployRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Toolchain toolchain;
    private final AppHome home;
    private final DeployCredentials credentials;
    private final Duration timeout;
    private boolean secretsThroughStdin = !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");

    public DeployRunner(Toolchain toolchain, AppHome home, DeployCredentials credentials) {
        this(toolchain, home, credentials, DEFAULT_TIMEOUT);
    }

    public DeployRunner(Toolchain toolchain, AppHome home, DeployCredentials credentials, Duration perWorkerTimeout) {
        this.toolchain = toolchain;
        this.home = home;
        this.credentials = credentials;
        this.timeout = perWorkerTimeout;
    }

    /** Tests choose the Windows way (a private temporary file) on POSIX too. */
    DeployRunner secretsThroughFile() {
        this.secretsThroughStdin = false;
        return this;
    }

    /**
     * @param secrets per worker name, secret name → value (workers without secrets may be absent); the values are
     *                masked in every line and never written anywhere but wrangler's stdin
     */
    public DeployReport deploy(List<DeployTarget> targets, Map<String, Map<String, String>> secrets, LogListener listener,
                               Cancellation cancellation) {
        return deploy(targets, secrets, listener, cancellation, outcome -> { });
    }

    /** @param onEach told of each worker's outcome as soon as it is known, so a caller can record it before the rest run */
    public DeployReport deploy(List<DeployTarget> targets, Map<String, Map<String, String>> secrets, LogListener listener,
                               Cancellation cancellation, java.util.function.Consumer<WorkerOutcome> onEach) {
        validate(targets);
        for (String worker : secrets.keySet()) {
            if (targets.stream().noneMatch(t -> t.name().equals(worker))) {
                // Silently skipping them would deploy a worker without the secrets it needs.
                throw new UserFacingException(Failure.of(Failure.Code.SECRETS_FOR_UNKNOWN_WORKER, worker),
                        Advice.of(Advice.Code.CHECK_WORKER_NAMES));
            }
        }
        List<String> known = new ArrayList<>();
        known.add(credentials.apiToken());
        secrets.values().forEach(m -> known.addAll(m.values()));
        Redactor redactor = Redactor.of(known);

        try (LogFile log = LogFile.create(home.logs(), "deploy")) {
            ProcessStreamer streamer = new ProcessStreamer(redactor, log.andThen(listener));
            Map<Integer, List<DeployTarget>> tiers = new TreeMap<>();
            targets.forEach(t -> tiers.computeIfAbsent(t.tier(), k -> new ArrayList<>()).add(t));

            List<WorkerOutcome> outcomes = new ArrayList<>();
            List<String> failedEarlier = new ArrayList<>();
            for (List<DeployTarget> tier : tiers.values()) {
                List<String> failedHere = new ArrayList<>();
                for (DeployTarget target : tier) {
                    WorkerOutcome outcome;
                    if (cancellation.isCancelled()) {
                        outcome = new WorkerOutcome.NotRun(target.name(), Failure.of(Failure.Code.DEPLOY_CANCELLED));
                    } else if (!failedEarlier.isEmpty()) {
                        outcome = new WorkerOutcome.NotRun(target.name(), Failure.of(Failure.Code.DEPLOY_WAITED_FOR,
                                List.copyOf(failedEarlier), failedEarlier.size()));
                    } else {
                        outcome = deployOne(target, secrets.getOrDefault(target.name(), Map.of()), streamer, redactor, cancellation);
                    }
                    if (outcome instanceof WorkerOutcome.Failed) failedHere.add(target.name());
                    if (outcome instanceof WorkerOutcome.NotRun n) {
                        streamer.note(target.name(), LogLevel.WARN, Note.of(Note.Code.WORKER_NOT_DEPLOYED, n.reason()));
                    }
                    outcomes.add(outcome);
                    onEach.accept(outcome);
                }
                failedEarlier.addAll(failedHere);
            }
            log.flush();
            return new DeployReport(outcomes, log.path());
        }
    }

    private WorkerOutcome deployOne(DeployTarget target, Map<String, String> secrets, ProcessStreamer streamer, Redactor redactor,
                                    Cancellation cancellation) {
        streamer.note(target.name(), LogLevel.INFO, Note.of(Note.Code.DEPLOYING, target.name(), String.valueOf(target.tier()),
                toolchain.wranglerVersion()));
        WranglerOutput parsed = new WranglerOutput();
        ProcessStreamer deployStreamer = streamer.alsoTo(parsed);
        if (!secrets.isEmpty()) {
            streamer.note(target.name(), LogLevel.INFO, Note.of(Note.Code.DEPLOY_SECRETS, secrets.size(),
                    List.copyOf(new TreeMap<>(secrets).keySet())));
        }
        ProcessOutcome deployed;
        try (SecretsHandoff handoff = SecretsHandoff.of(secrets, secretsThroughStdin)) {
            ProcessRun run = handoff.args().isEmpty() ? wrangler(target, "deploy", "--x-provision=false")
                    : wrangler(target, concat(List.of("deploy", "--x-provision=false"), handoff.args()));
            deployed = runScrubbed(deployStreamer, handoff.stdin() == null ? run : run.withStdin(handoff.stdin()), redactor, cancellation);
        }
        if (!deployed.succeeded()) {
            return failed(target.name(), deployed, "wrangler deploy", streamer);
        }
        streamer.note(target.name(), LogLevel.INFO, Note.of(Note.Code.WORKER_DEPLOYED, target.name(),
                parsed.url().isPresent() ? 1 : 0, parsed.url().orElse(""), parsed.versionId().isPresent() ? 1 : 0,
                parsed.versionId().orElse("")));
        return new WorkerOutcome.Deployed(target.name(), parsed.url(), parsed.versionId());
    }

    /**
     * wrangler writes its own debug log (WRANGLER_LOG_PATH) unredacted, server echoes included: each run gets its
     * own file in an owner-only folder, masked in place as soon as wrangler has ended.
     */
    private static ProcessOutcome runScrubbed(ProcessStreamer streamer, ProcessRun run, Redactor redactor, Cancellation cancellation) {
        Path wranglerLog = Path.of(run.env().get("WRANGLER_LOG_PATH"));
        try {
            return streamer.run(run, cancellation);
        } finally {
            WranglerLogs.scrub(wranglerLog, redactor);
        }
    }

    private static WorkerOutcome failed(String name, ProcessOutcome outcome, String what, ProcessStreamer streamer) {
        WorkerOutcome.Failed f = switch (outcome) {
            case ProcessOutcome.Exited e -> new WorkerOutcome.Failed(name, OptionalInt.of(e.exitCode()),
                    Failure.of(Failure.Code.PROCESS_EXITED, what, e.exitCode()), e.lastLines());
            case ProcessOutcome.TimedOut t -> new WorkerOutcome.Failed(name, OptionalInt.empty(),
                    Failure.of(Failure.Code.PROCESS_TIMED_OUT, what, t.timeout()), t.lastLines());
            case ProcessOutcome.Cancelled c -> new WorkerOutcome.Failed(name, OptionalInt.empty(),
                    Failure.of(Failure.Code.PROCESS_CANCELLED, what), c.lastLines());
        };
        streamer.note(name, LogLevel.ERROR, Note.of(Note.Code.WORKER_DEPLOY_FAILED, f.reason()));
        return f;
    }

    /** The run for one wrangler command in the worker's folder, with the environment issue 4 prescribes. */
    ProcessRun wrangler(DeployTarget target, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("CLOUDFLARE_API_TOKEN", credentials.apiToken());
        env.put("CLOUDFLARE_ACCOUNT_ID", credentials.accountId());
        credentials.apiBaseUrl().ifPresent(u -> env.put("CLOUDFLARE_API_BASE_URL", u));
        env.put("WRANGLER_SEND_METRICS", "false");
        env.put("WRANGLER_SEND_ERROR_REPORTS", "false");
        env.put("WRANGLER_HIDE_BANNER", "true"); // also skips wrangler's update check
        env.put("WRANGLER_NO_SKILLS_UPDATE_PROMPTS", "true");
        env.put("XDG_CONFIG_HOME", AppHome.ensureDir(home.wranglerConfig()).toString());
        env.put("WRANGLER_LOG_PATH", WranglerLogs.newLogFile(home.logs().resolve("wrangler"), target.name()).toString());
        env.put("CI", "true"); // non-interactive: wrangler never waits for an answer (stdin is closed as well)
        // Inherited values that would change which account or API wrangler talks to, or how it logs in.
        Set<String> unset = new HashSet<>(Set.of("CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL", "CF_API_TOKEN", "CF_API_KEY", "CF_EMAIL",
                "CF_ACCOUNT_ID", "WRANGLER_OUTPUT_FILE_PATH", "WRANGLER_OUTPUT_FILE_DIRECTORY",
                // Our own keys never travel in an environment, and wrangler lets environment values override secrets.
                "ARCRUN_API_KEY", "ARCRUN_ENCRYPTION_KEY", "API_KEY", "ENCRYPTION_KEY"));
        if (credentials.apiBaseUrl().isEmpty()) unset.add("CLOUDFLARE_API_BASE_URL");
        if (target.config() != null) {
            args = concat(List.of(args), List.of("--config", target.config().toString())); // the generated config
        }
        return ProcessRun.of(target.name(), toolchain.wranglerCommand(args), target.dir())
                .withEnv(env).withUnsetEnv(unset).withTimeout(timeout);
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    /** Where wrangler reads the secrets from for one deploy, and the cleanup after it. */
    private record SecretsHandoff(List<String> args, String stdin, Path tempDir) implements AutoCloseable {
        static SecretsHandoff of(Map<String, String> secrets, boolean throughStdin) {
            if (secrets.isEmpty()) return new SecretsHandoff(List.of(), null, null);
            String json = toJson(secrets);
            if (throughStdin) {
                // wrangler reads the file once with readFileSync; on a pipe that is the whole of stdin.
                return new SecretsHandoff(List.of("--secrets-file", "/dev/stdin"), json, null);
            }
            try {
                Path dir = PrivateTemp.createDir("arcrun-secrets-");
                Path file = dir.resolve("secrets.json");
                dev.arcrun.core.config.AtomicFiles.write(file, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return new SecretsHandoff(List.of("--secrets-file", file.toString()), null, dir);
            } catch (java.io.IOException e) {
                throw new UserFacingException(Failure.of(Failure.Code.SECRETS_HANDOFF_FAILED, String.valueOf(e.getMessage())),
                        Advice.of(Advice.Code.CHECK_DISK), e);
            }
        }

        @Override
        public void close() {
            if (tempDir != null) PrivateTemp.deleteTree(tempDir);
        }
    }

    private static String toJson(Map<String, String> secrets) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(secrets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write secrets as JSON", e); // no value in the message
        }
    }

    private static void validate(List<DeployTarget> targets) {
        Map<String, Path> seen = new HashMap<>();
        for (DeployTarget t : targets) {
            Path earlier = seen.putIfAbsent(t.name(), t.dir());
            if (earlier != null) {
                throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_WORKER_TWICE, t.name(), earlier, t.dir()),
                        Advice.of(Advice.Code.UNIQUE_WORKERS));
            }
            if (!Files.isDirectory(t.dir())) {
                throw new UserFacingException(Failure.of(Failure.Code.WORKER_FOLDER_MISSING, t.name(), t.dir()),
                        Advice.of(Advice.Code.EXTRACT_AGAIN));
            }
        }
    }
}
