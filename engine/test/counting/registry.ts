// The registry's test build: the same worker with its KV and R2 calls counted; /__test/counts answers them (only
// the executor's test build asks, over the service binding).
import registry, { type Env } from "../../workers/registry/src/index";
import { counted, counts, KV_KIND, R2_KIND, resetCounts } from "./count";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/__test/counts") return Response.json(counts());
    if (url.pathname === "/__test/counts/reset") {
      resetCounts();
      return Response.json(counts());
    }
    const c = counts();
    return registry.fetch(request, {
      COMPONENTS: counted(env.COMPONENTS, KV_KIND, c.kv), COMPONENT_BINARIES: counted(env.COMPONENT_BINARIES, R2_KIND, c.r2),
    });
  },
};
