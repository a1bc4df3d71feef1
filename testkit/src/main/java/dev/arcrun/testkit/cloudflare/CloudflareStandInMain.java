package dev.arcrun.testkit.cloudflare;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in on its own so the CLI, the GUI or wrangler can be pointed at it:
 * <pre>
 *   java -cp … dev.arcrun.testkit.cloudflare.CloudflareStandInMain --port 8788 --token T [--account-id ID]
 *        [--namespaces N] [--no-subdomain] [--validate]
 *   CLOUDFLARE_API_BASE_URL=http://127.0.0.1:8788/client/v4 CLOUDFLARE_API_TOKEN=T arcrun cf provision
 * </pre>
 * With {@code --validate}, contract violations are printed to stderr as they happen.
 */
public final class CloudflareStandInMain {

    private CloudflareStandInMain() {}

    public static void main(String[] args) throws InterruptedException {
        CloudflareStandIn standIn;
        try {
            standIn = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("stand-in: " + e.getMessage());
            System.err.println("usage: CloudflareStandInMain [--port P] [--token T] [--account-id ID] "
                    + "[--namespaces N] [--no-subdomain] [--validate]");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        new CountDownLatch(1).await();
    }

    /** Parses the arguments, starts the stand-in and prints where it listens. */
    static CloudflareStandIn start(String[] args, PrintStream out) {
        CloudflareStandIn.Builder b = CloudflareStandIn.builder();
        int namespaces = 0;
        boolean noSubdomain = false;
        boolean validate = false;
        String accountId = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(parseInt(value(args, ++i, "--port"), "--port"));
                case "--token" -> b.token(value(args, ++i, "--token"));
                case "--account-id" -> accountId = value(args, ++i, "--account-id");
                case "--namespaces" -> namespaces = parseInt(value(args, ++i, "--namespaces"), "--namespaces");
                case "--no-subdomain" -> noSubdomain = true;
                case "--validate" -> validate = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (accountId != null) {
            b.account(accountId, "Arcrun Stand-in Account");
        }
        if (validate) {
            b.validateContract();
        }
        CloudflareStandIn standIn = b.start();
        WorkerDeployEndpoints.installOn(standIn); // so the real wrangler can deploy and upload secrets to it
        standIn.state().seedNamespaces(standIn.accountId(), namespaces, "existing-namespace-");
        if (noSubdomain) {
            standIn.state().setSubdomain(standIn.accountId(), null);
        }
        if (validate) {
            standIn.onViolation(v -> System.err.println("contract violation: " + v));
        }
        out.println("Cloudflare stand-in listening on " + standIn.baseUrl());
        out.println("account id: " + standIn.accountId());
        out.println("CLOUDFLARE_API_BASE_URL=" + standIn.baseUrl());
        out.flush();
        return standIn;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + s + "'");
        }
    }
}
