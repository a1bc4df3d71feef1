#!/usr/bin/env node
// Runs the engine's TypeScript unit tests (engine/test/*.test.ts) with node's own test runner. Node before 22.6
// cannot run TypeScript, so each test file is first bundled to plain JavaScript with esbuild.
// Usage: node scripts/unit-tests.mjs --esbuild DIR [--out DIR]
//   --esbuild  folder of the npm package "esbuild" (default: resolved from engine/node_modules)
//   --out      where the bundled tests go (default: a folder under the system's temporary folder)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const engine = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);

let entry;
try {
  entry = opt("--esbuild")
    ? createRequire(join(resolve(opt("--esbuild")), "package.json")).resolve("./")
    : createRequire(join(engine, "package.json")).resolve("esbuild");
} catch {
  console.error("unit-tests.mjs: the npm package 'esbuild' is missing: pass --esbuild DIR or 'npm install --prefix engine esbuild'.");
  process.exit(2);
}
const esbuild = await import(pathToFileURL(entry).href);
const out = opt("--out") ? resolve(opt("--out")) : mkdtempSync(join(tmpdir(), "arcrun-engine-tests-"));
mkdirSync(out, { recursive: true });
const tests = readdirSync(join(engine, "test")).filter((f) => f.endsWith(".test.ts")).sort();
await (esbuild.default ?? esbuild).build({
  entryPoints: tests.map((f) => join(engine, "test", f)),
  outdir: out, bundle: true, platform: "node", format: "esm", target: "node20",
  outExtension: { ".js": ".mjs" }, logLevel: "warning",
  loader: { ".wasm": "empty" },
});
const run = spawnSync(process.execPath, ["--test", ...tests.map((f) => join(out, f.replace(/\.ts$/, ".mjs")))], { stdio: "inherit" });
process.exit(run.status ?? 1);
