package dev.arcrun.app.cloudflare;

import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.PipelineOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A scripted {@link CloudflareSetup} for view-model tests: no network, no processes. */
class FakeSetup implements CloudflareSetup {
    final List<String> tokensChecked = new ArrayList<>();
    final List<InstallOptions> installs = new ArrayList<>();
    final List<String> installTokens = new ArrayList<>();
    RuntimeException tokenProblem;
    List<PermissionGroup> missing = List.of();
    List<DryRun.Item> plan = List.of();
    /** What each install does with the listener; returns the outcome. */
    Function<InstallListener, PipelineOutcome> script = l -> new PipelineOutcome.Completed(List.of(), List.of(), "https://arcrun-cypher-executor.ada.workers.dev");
    int cancels;
    /** When set, the token can use these accounts and the page must ask which one. */
    List<dev.arcrun.core.cloudflare.Account> choices = List.of();

    static PermissionReport report(List<PermissionGroup> missing) {
        return new PermissionReport(PermissionGroup.REQUIRED.stream().map(g -> new PermissionReport.Check(g,
                missing.contains(g) ? PermissionReport.Outcome.MISSING : PermissionReport.Outcome.GRANTED,
                java.util.Optional.empty())).toList());
    }

    @Override
    public TokenReport checkToken(String token) {
        tokensChecked.add(token);
        if (tokenProblem != null) {
            throw tokenProblem;
        }
        if (!choices.isEmpty()) {
            return new TokenReport(null, null, null, choices);
        }
        return new TokenReport("0123456789abcdef0123456789abcdef", "Ada's account", report(missing));
    }

    @Override
    public TokenReport checkToken(String token, dev.arcrun.core.cloudflare.Account chosen) {
        tokensChecked.add(token);
        return new TokenReport(chosen.id(), chosen.name(), report(missing));
    }

    @Override
    public List<DryRun.Item> plan(String token, InstallOptions options) {
        return plan;
    }

    @Override
    public InstallRun install(String token, InstallOptions options, InstallListener listener) {
        installs.add(options);
        installTokens.add(token);
        return new InstallRun() {
            @Override public PipelineOutcome execute() { return script.apply(listener); }

            @Override public void cancel() { cancels++; }

            @Override public String installName() { return options.name(); }
        };
    }
}
