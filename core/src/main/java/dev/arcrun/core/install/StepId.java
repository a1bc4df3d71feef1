package dev.arcrun.core.install;

/** The install pipeline's steps, in the order they run. */
public enum StepId {
    TOOLCHAIN("Prepare node and wrangler"),
    VERIFY("Verify the Cloudflare token and its permissions"),
    PROVISION("Create or reuse KV namespaces and the R2 bucket"),
    SUBDOMAIN("Find the workers.dev subdomain"),
    FETCH("Download and unpack the engine"),
    DISCOVER("Discover the engine's workers"),
    INJECT("Write resource ids into the workers' configs"),
    KEYS("Generate the api key and encryption key"),
    DEPLOY("Deploy the workers and their secrets"),
    START("Start the engine on this computer"),
    SEED("Seed recipes and components"),
    CONFIG("Save the install's config"),
    CHECK("Check the engine answers");

    private final String title;

    StepId(String title) {
        this.title = title;
    }

    /** The step of this name, if it is still one (a config of an older version may name a step that is gone). */
    public static java.util.Optional<StepId> parse(String name) {
        for (StepId id : values()) {
            if (id.name().equals(name)) return java.util.Optional.of(id);
        }
        return java.util.Optional.empty();
    }

    /** What the step does, in words a user understands. */
    public String title() {
        return title;
    }
}
