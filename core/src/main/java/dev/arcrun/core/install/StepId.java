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
    REGISTER("Register with the engine for its keys"),
    SEED("Seed recipes and components"),
    CONFIG("Save the install's config"),
    CHECK("Check the engine answers");

    private final String title;

    StepId(String title) {
        this.title = title;
    }

    /** What the step does, in words a user understands. */
    public String title() {
        return title;
    }
}
