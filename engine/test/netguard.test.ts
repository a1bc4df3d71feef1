import assert from "node:assert/strict";
import { test } from "node:test";
import { hostPort, normaliseHostPort, privateReason } from "../workers/cypher-executor/src/netguard";
import { hostAllowed, type AuthRecipe } from "../workers/cypher-executor/src/recipes";
import { nestingDepth, pathSegments } from "../lib/http";

const privateUrls = [
  "http://127.0.0.1/", "http://127.1.2.3:9229/json/list", "http://2130706433/", "http://0x7f000001/", "http://0x7f.0.0.1/",
  "http://0177.0.0.1/", "http://017700000001/", "http://localhost:8787/", "http://LOCALHOST./", "http://api.localhost/",
  "http://0.0.0.0/", "http://0/", "http://[::]/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/", "http://[::ffff:10.0.0.1]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[64:ff9b::7f00:1]/",
  "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
  "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/",
];
const publicUrls = [
  "https://api.github.com/", "http://8.8.8.8/", "http://172.32.0.1/", "http://11.0.0.1/", "http://[2606:4700::1111]/",
  "http://[::ffff:8.8.8.8]/", "http://localhost.example.com/", "http://192.169.0.1/",
];

test("loopback, link-local and private literals in every spelling are private", () => {
  for (const u of privateUrls) assert.notEqual(privateReason(new URL(u)), null, u);
});

test("public addresses and names are not", () => {
  for (const u of publicUrls) assert.equal(privateReason(new URL(u)), null, u);
});

test("host:port normalises the spellings the owner may write", () => {
  assert.equal(normaliseHostPort("127.0.0.1:8080"), "127.0.0.1:8080");
  assert.equal(normaliseHostPort("[::1]:8080"), "[::1]:8080");
  assert.equal(normaliseHostPort("LocalHost:3000"), "localhost:3000");
  assert.equal(normaliseHostPort("127.0.0.1"), null);
  assert.equal(normaliseHostPort("127.0.0.1:0"), null);
  assert.equal(normaliseHostPort("127.0.0.1:99999"), null);
  assert.equal(normaliseHostPort("http://127.0.0.1:80"), null);
  assert.equal(hostPort(new URL("http://2130706433/")), "127.0.0.1:80");
  assert.equal(hostPort(new URL("https://[::ffff:127.0.0.1]/")), "[::ffff:7f00:1]:443");
});

const recipe = (hosts: string[]) => ({ hosts } as unknown as AuthRecipe);

test("a recipe host without a port allows only the scheme's default port", () => {
  assert.equal(hostAllowed(recipe(["localhost"]), new URL("http://localhost/")), true);
  assert.equal(hostAllowed(recipe(["localhost"]), new URL("http://localhost:9229/")), false);
  assert.equal(hostAllowed(recipe(["api.github.com"]), new URL("https://api.github.com/x")), true);
  assert.equal(hostAllowed(recipe(["api.github.com"]), new URL("https://api.github.com:8443/x")), false);
  assert.equal(hostAllowed(recipe(["127.0.0.1:8080"]), new URL("http://127.0.0.1:8080/")), true);
  assert.equal(hostAllowed(recipe(["127.0.0.1:8080"]), new URL("http://127.0.0.1:8081/")), false);
  assert.equal(hostAllowed(recipe(["*.example.com"]), new URL("https://a.example.com/")), true);
  assert.equal(hostAllowed(recipe(["*.example.com"]), new URL("https://example.com/")), false);
  assert.equal(hostAllowed(recipe(["*.example.com"]), new URL("https://evilexample.com/")), false);
});

test("request paths with a malformed % escape are a 400, and JSON nesting is measured outside strings", () => {
  assert.throws(() => pathSegments("/runs/%E0%A4%A"), (e: { status?: number }) => e.status === 400);
  assert.deepEqual(pathSegments("/a/b%20c/"), ["a", "b c"]);
  assert.equal(nestingDepth('{"a":[{"b":"[[[[{{{{"}]}'), 3);
  assert.equal(nestingDepth("[".repeat(20000) + "]".repeat(20000)), 20000);
});
