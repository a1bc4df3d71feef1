package dev.arcrun.cli.engine;

import dev.arcrun.core.engineclient.EngineClient;
import dev.arcrun.core.engineclient.Recipe;
import dev.arcrun.core.engineclient.RequiredSecret;
import dev.arcrun.core.engineclient.Secret;
import dev.arcrun.core.engineclient.ServiceSummary;
import dev.arcrun.core.engineclient.ServicesApi;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<ServiceSummary> services = engine.client(spec).services().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, Map.of("services", services));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ServiceSummary s : services) {
            List<String> keys = s.requiredSecrets().stream().map(r -> ServicesApi.alias(s.service(), r.key())).toList();
            rows.add(List.of(s.service(), Output.cell(s.displayName(), 28), String.join(", ", keys),
                    Output.cell(String.join(", ", s.hosts()), 50)));
        }
        Output.table(out, List.of("SERVICE", "NAME", "SECRETS", "HOSTS"), rows);
        return 0;
    }

    @Command(name = "setup", mixinStandardHelpOptions = true, description = {"Store the credentials a service needs.",
            "At a terminal each secret is asked for (hidden). Otherwise give them on stdin, one KEY=VALUE a line",
            "(KEY as listed, e.g. api_key or openai_api_key); a service with one secret also takes just the value."})
    int setup(@Parameters(paramLabel = "SERVICE", description = "e.g. openai") String service) {
        EngineClient client = engine.client(spec);
        Recipe recipe = client.services().recipe(service);
        Console terminal = SecretInput.terminal();
        Map<String, Secret> values = terminal != null ? prompt(terminal, recipe) : fromLines(recipe, SecretInput.lines());
        List<String> pushed = client.services().setup(recipe, values);
        spec.commandLine().getOut().println("Set up " + recipe.displayName() + ": stored " + String.join(", ", pushed)
                + " (encrypted). Steps with \"service\": \"" + recipe.service() + "\" can now use them.");
        return 0;
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
            throw new dev.arcrun.core.UserFacingException("No value was given for " + s.key() + ".", "Run the setup again.");
        }
        return v;
    }

    /** KEY=VALUE lines; a bare line is the value of a service's only secret (values may contain '='). */
    static Map<String, Secret> fromLines(Recipe recipe, List<String> lines) {
        Map<String, Secret> values = new LinkedHashMap<>();
        boolean single = recipe.requiredSecrets().size() == 1;
        for (String line : lines) {
            int eq = line.indexOf('=');
            String key = eq > 0 ? line.substring(0, eq).trim() : null;
            if (key != null && isKey(recipe, key)) {
                values.put(key, Secret.of(line.substring(eq + 1)));
            } else if (single && lines.size() == 1) {
                values.put(recipe.requiredSecrets().getFirst().key(), Secret.of(line));
            } else {
                // Shown without the value: only the name before '=' (if any) is repeated.
                values.put(key == null ? "(a line without KEY=)" : key, Secret.of(line));
            }
        }
        return values;
    }

    private static boolean isKey(Recipe recipe, String key) {
        return recipe.requiredSecrets().stream()
                .anyMatch(s -> s.key().equals(key) || ServicesApi.alias(recipe.service(), s.key()).equals(key));
    }
}
