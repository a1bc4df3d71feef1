// Unit tests of the workflow templating and conditions (run by scripts/unit-tests.mjs under node's test runner).
import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalJson, getPath, render, splitTerms, TemplateError, templateProblem, truthy } from "../workers/cypher-executor/src/template";

test("a quoted fallback containing || is one literal", () => {
  assert.equal(render('{{input.x || "a||b"}}', { input: {} }), "a||b");
  assert.deepEqual(splitTerms('input.x || "a||b" || [1, "||"]'), ["input.x", '"a||b"', '[1, "||"]']);
});

test("fallbacks take the first value that is not missing, null or empty", () => {
  assert.equal(render('{{input.a || input.b || "z"}}', { input: { a: "", b: "y" } }), "y");
  assert.deepEqual(render("{{input.l || [1, 2]}}", { input: {} }), [1, 2]);
  assert.equal(render("hi {{input.name || \"world\"}}!", { input: {} }), "hi world!");
});

test("a fallback that is not valid JSON is a template error, and refused at push", () => {
  assert.throws(() => render("{{input.x || [oops]}}", { input: {} }), TemplateError);
  assert.match(templateProblem({ output: "{{input.x || [oops]}}" }) ?? "", /'\[oops\]' is not a valid JSON value/);
  assert.equal(templateProblem({ a: "{{input.x || \"a||b\"}}", b: ["{{steps.s1.output.y[0]}}", "{{secret.k}}"] }), null);
});

test("paths read own data only, never the prototype", () => {
  assert.equal(getPath({ a: {} }, "a.__proto__.constructor"), undefined);
  assert.equal(getPath({ a: {} }, "a.constructor"), undefined);
  assert.equal(getPath({ a: { b: [1, { c: 2 }] } }, "a.b[1].c"), 2);
  assert.equal(getPath({ a: { b: [1, { c: 2 }] } }, "a.b.1.c"), 2);
  assert.equal(render("{{input.__proto__}}", { input: {} }), null);
});

test("equals on objects ignores key order", () => {
  assert.equal(truthy({ equals: [{ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }] }), true);
  assert.equal(truthy({ equals: [{ a: 1 }, { a: 2 }] }), false);
  assert.equal(truthy({ not_equals: [{ a: 1, b: 2 }, { b: 2, a: 1 }] }), false);
  assert.equal(truthy({ contains: [[{ x: 1, y: 2 }], { y: 2, x: 1 }] }), true);
  assert.equal(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}');
});

test("truthiness and operators", () => {
  for (const f of [false, null, "", 0, "false", "0", [], {}]) assert.equal(truthy(f), false, JSON.stringify(f));
  assert.equal(truthy({ and: [true, { gt: [3, 2] }] }), true);
  assert.equal(truthy({ or: [false, { lt: [3, 2] }] }), false);
  assert.equal(truthy({ contains: ["abcdef", "cd"] }), true);
});
