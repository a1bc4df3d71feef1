package dev.arcrun.cli.engine;

import dev.arcrun.cli.i18n.CliProblem;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.sdk.Recipe;
import dev.arcrun.sdk.RequiredSecret;
import dev.arcrun.sdk.Secret;
import dev.arcrun.sdk.ServiceSummary;
import dev.arcrun.sdk.ServiceTestResult;
import dev.arcrun.sdk.ServicesApi;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Services whose credentials the engine can inject (auth recipes).")
public final class ServicesCommand {
    @Spec CommandSpec spec;
    @Mixin EngineOptions engine;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the services and the secrets each needs.")
    int list(@Option(names = "--json", description = "Print JSON only.") boolean json) {
        record Listing(List<ServiceSummary> services, java.util.Set<String> credentials) {}
        Listing l = engine.call(spec, c -> new Listing(c.services().list(), c.credentials().list().stream()
                .map(dev.arcrun.sdk.CredentialInfo::name).collect(java.util.stream.Collectors.toSet())));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (ServiceSummary s : l.services()) {
                Map<String, Object> d = new java.util.LinkedHashMap<>(Output.JSON.convertValue(s, Map.class));
                d.put("set_up", setUp(s, l.credentials()));
                docs.add(d);
            }
            Output.json(out, Map.of("services", docs));
            return 0;
        }
        Words words = Words.current();
        List<List<String>> rows = new ArrayList<>();
        for (ServiceSummary s : l.services()) {
            List<String> keys = s.requiredSecrets().stream().map(r -> ServicesApi.alias(s.service(), r.key())).toList();
            rows.add(List.of(s.service(), Output.cell(s.displayName(), 28), setUp(s, l.credentials()) ? words.get("table.yes") : "-",
                    String.join(", ", keys), Output.cell(String.join(", ", s.hosts()), 50)));
        }
        Output.table(out, List.of(words.get("table.service"), words.get("table.name"), words.get("table.set_up"),
                words.get("table.secrets"), words.get("table.hosts")), rows);
        return 0;
    }

    /** Set up: every secret the recipe needs is stored as a credential. */
    static boolean setUp(ServiceSummary s, java.util.Set<String> credentials) {
        return !s.requiredSecrets().isEmpty() && s.requiredSecrets().stream().allMatch(r -> credentials.contains(r.key()));
    }

    @Command(name = "setup", mixinStandardHelpOptions = true, description = {"Store the credentials a service needs.",
            "At a terminal each secret is asked for (hidden). Otherwise give them on stdin, one KEY=VALUE a line",
            "(KEY as listed, e.g. api_key or openai_api_key); a service with one secret also takes just the value."})
    int setup(@Parameters(paramLabel = "SERVICE", description = "e.g. openai") String service) {
        Recipe recipe = engine.call(spec, c -> {
            Recipe r;
            try {
                r = c.services().recipe(service);
            } catch (dev.arcrun.sdk.EngineApiException.NotFound e) {
                List<String> known = c.services().list().stream().map(ServiceSummary::service).toList();
                String near = Suggest.closest(service, known);
                throw near == null ? new CliProblem("services.unknown", "services.unknown.advice", service)
                        : new CliProblem("services.unknown_near", "services.unknown_near.advice", service, near);
            }
            Console terminal = SecretInput.terminal();
            c.services().setup(r, terminal != null ? prompt(terminal, r) : fromLines(r, SecretInput.lines()));
            return r;
        });
        List<String> pushed = recipe.requiredSecrets().stream().map(RequiredSecret::key).toList();
        spec.commandLine().getOut().println(Words.current().get("services.set_up", recipe.displayName(),
                String.join(", ", pushed), recipe.service()));
        return 0;
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = {
            "Make the service's harmless test call with the stored credentials (only the status is shown).",
            "Exits 1 when the call is refused or cannot be made."})
    int test(@Parameters(paramLabel = "SERVICE") String service) {
        ServiceTestResult r = engine.call(spec, c -> c.services().test(service));
        if (r.success()) {
            spec.commandLine().getOut().println(Words.current().get("services.test_ok", service, String.valueOf(r.status())));
            return 0;
        }
        spec.commandLine().getErr().println("arcrun: " + new EngineFailureText(Words.current().core().locale())
                .of(dev.arcrun.core.engineclient.EngineFailure.ofServiceTest(r)));
        return 1;
    }

    private static Map<String, Secret> prompt(Console c, Recipe recipe) {
        Map<String, Secret> values = new LinkedHashMap<>();
        for (RequiredSecret s : recipe.requiredSecrets()) {
            values.put(s.key(), Secret.of(nonEmpty(SecretInput.prompt(c, recipe.displayName() + " " + s.label()), s)));
        }
        return values;
    }

    private static String nonEmpty(String v, RequiredSecret s) {
        if (v.isEmpty()) {
            throw new CliProblem("services.no_value", "services.no_value.advice", s.key());
        }
        return v;
    }

    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    /**
     * KEY=VALUE lines. A service with one secret also takes a bare value on a single line, but only when it does not
     * look like KEY=VALUE: a mistyped key must fail, never be stored as the value.
     */
    static Map<String, Secret> fromLines(Recipe recipe, List<String> lines) {
        Map<String, Secret> values = new LinkedHashMap<>();
        boolean single = recipe.requiredSecrets().size() == 1 && lines.size() == 1;
        for (String line : lines) {
            Matcher m = KEY_LINE.matcher(line);
            if (m.matches()) {
                if (m.group(2).isEmpty()) {
                    throw new CliProblem("services.no_value", "services.no_value_line.advice", m.group(1));
                }
                // An unknown key is passed on as it is, so the setup names it and lists the expected ones.
                values.put(m.group(1), Secret.of(m.group(2)));
            } else if (single) {
                values.put(recipe.requiredSecrets().getFirst().key(), Secret.of(line));
            } else {
                throw new CliProblem("services.not_key_value", "services.not_key_value.advice", recipe.service(),
                        String.join(", ", recipe.requiredSecrets().stream().map(s -> ServicesApi.alias(recipe.service(), s.key())).toList()));
            }
        }
        return values;
    }
}
