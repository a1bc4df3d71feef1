export interface Env {
  REGISTRY: Fetcher;
  CREDENTIALS: KVNamespace;
  WORKFLOWS: KVNamespace;
  AUTH_RECIPES: KVNamespace;
  API_RECIPES: KVNamespace;
  RUNS: KVNamespace;
  ACCOUNTS: KVNamespace;
  COMPONENTS: KVNamespace;
  COMPONENT_BINARIES: R2Bucket;
  API_KEY?: string;
  ENCRYPTION_KEY?: string;
  WORKERS_SUBDOMAIN?: string;
  /** "true" only for a by-hand `wrangler dev` without secrets: opens POST /register (see engine/README.md). */
  ALLOW_REGISTER?: string;
}
