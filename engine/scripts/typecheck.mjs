#!/usr/bin/env node
// Type-checks the engine's TypeScript (the workers and lib, then the unit tests) with tsc; exit 1 on any type error.
// wrangler and esbuild only strip types, so without this a type error would ship unnoticed.
// Usage: node scripts/typecheck.mjs --tools DIR
//   --tools  a node_modules folder holding typescript, @cloudflare/workers-types and @types/node
//            (default: engine/node_modules)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const engine = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--tools");
const tools = at >= 0 ? resolve(args[at + 1]) : join(engine, "node_modules");
const tsc = join(tools, "typescript", "bin", "tsc");
for (const needed of [tsc, join(tools, "@cloudflare", "workers-types"), join(tools, "@types", "node")]) {
  if (!existsSync(needed)) {
    console.error(`typecheck.mjs: ${needed} is missing: pass --tools DIR (a node_modules folder with typescript, ` +
      "@cloudflare/workers-types and @types/node).");
    process.exit(2);
  }
}
const typeRoots = [join(tools, "@cloudflare"), join(tools, "@types")].join(",");
let failed = false;
for (const project of [engine, join(engine, "test")]) {
  const run = spawnSync(process.execPath, [tsc, "-p", project, "--typeRoots", typeRoots, "--pretty", "false"], { stdio: "inherit" });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
