package dev.arcrun.testkit.cloudflare;

/**
 * A set of endpoints the stand-in serves (accounts, KV, R2, workers…). Each group registers its routes on the
 * {@link Router}; later groups (e.g. the worker-deploy calls wrangler makes) are added the same way with
 * {@link CloudflareStandIn#register(EndpointGroup)} and keep any extra state of their own.
 */
public interface EndpointGroup {
    void register(Router router);
}
