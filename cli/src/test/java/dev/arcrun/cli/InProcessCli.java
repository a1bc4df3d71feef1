package dev.arcrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The CLI run in this JVM, as {@code ArcrunCli.main} runs it, with its output and exit code captured. */
public final class InProcessCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcessCli() {
    }

    /** What one command did. */
    public record Result(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ArcrunCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@link #run} with this text on stdin. */
    public static Result withStdin(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    /**
     * The CLI uses {@code home} (with a file secret store and no environment), where an install {@code name} has its
     * engine at {@code engineUrl} and its api key in the secret store. Undo with {@link InstallEnvironment#reset()}.
     */
    public static FileSecretStore installAt(AppHome home, String name, String engineUrl, String apiKey) {
        new InstallConfigStore(home).save(InstallConfig.create(name, Target.LOCAL).withEngineUrl(engineUrl));
        FileSecretStore secrets = new FileSecretStore(home, "tests use a file");
        secrets.put(name, SecretKind.API_KEY, apiKey);
        InstallEnvironment.useHome(home);
        InstallEnvironment.use(java.util.Map.of(), h -> new FileSecretStore(h, "tests use a file"), h -> ToolchainManager.forTests());
        return secrets;
    }
}
