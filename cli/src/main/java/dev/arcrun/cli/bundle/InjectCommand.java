package dev.arcrun.cli.bundle;

import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.BundleDiscovery;
import dev.arcrun.core.bundle.ConfigInjector;
import dev.arcrun.core.bundle.ProvisionedResources;
import dev.arcrun.cli.i18n.Words;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inject", mixinStandardHelpOptions = true,
        description = "Write the provisioned KV ids, R2 bucket names and vars into a generated wrangler config "
                + "(wrangler.arcrun.json) beside each worker's own, which 'arcrun deploy' gives wrangler.")
public final class InjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The extracted bundle (from 'arcrun bundle fetch').")
    Path dir;

    @Option(names = "--resources", required = true, paramLabel = "FILE",
            description = "The JSON that 'arcrun cf provision --json' printed.")
    Path resources;

    @Override
    public Integer call() {
        ProvisionedResources res = ProvisionedResources.read(resources);
        Bundle bundle = BundleDiscovery.discover(dir);
        PrintWriter out = spec.commandLine().getOut();
        for (ConfigInjector.Injected i : ConfigInjector.injectAll(bundle, res.toInjectionValues())) {
            Path shown = bundle.root().relativize(i.config());
            out.println(Words.current().get(i.changed() ? "inject.updated" : "inject.unchanged", shown, i.worker().name()));
        }
        out.flush();
        return 0;
    }
}
