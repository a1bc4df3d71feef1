import assert from "node:assert/strict";
import { test } from "node:test";
import { basicForm, Redactor } from "../workers/cypher-executor/src/redact";

const SECRET = "sk-Test!Value /+=&é42";

test("every spelling of a credential is redacted, in any letter case", () => {
  const r = new Redactor();
  r.remember(SECRET);
  const b64 = Buffer.from(SECRET, "utf8").toString("base64");
  const spellings = [
    SECRET, SECRET.toUpperCase(), SECRET.toLowerCase(), encodeURIComponent(SECRET), encodeURI(SECRET),
    new URLSearchParams({ q: SECRET }).toString().slice(2), b64, b64.replace(/=+$/, ""),
    Buffer.from(SECRET, "utf8").toString("base64url"), encodeURIComponent(SECRET).toLowerCase(),
  ];
  for (const s of spellings) {
    const out = r.redactText(`before ${s} after`);
    assert.equal(out, "before [redacted] after", `spelling ${s}`);
  }
});

test("the URLSearchParams form (+ for space, %21) is redacted", () => {
  const r = new Redactor();
  r.remember("pass word!xyz");
  assert.equal(r.redactText("q=pass+word%21xyz"), "q=[redacted]");
});

test("a Basic header remembered as its base64 is redacted", () => {
  const r = new Redactor();
  const basic = basicForm("user-name", "pass-word-123");
  r.remember(basic);
  assert.equal(r.redactText(`Basic ${basic}`), "Basic [redacted]");
});

test("redaction walks values, keys included, and keeps everything else", () => {
  const r = new Redactor();
  r.remember("abcdefgh12345");
  const out = r.redact({ headers: { authorization: "Bearer abcdefgh12345", ["x-abcdefgh12345"]: 1 }, list: ["ABCDEFGH12345", 3, null] });
  assert.deepEqual(out, { headers: { authorization: "Bearer [redacted]", "x-[redacted]": 1 }, list: ["[redacted]", 3, null] });
});

test("a secret inside another is hidden whole", () => {
  const r = new Redactor();
  r.remember("token-part");
  r.remember("token-part-and-more");
  assert.equal(r.redactText("x token-part-and-more y token-part z"), "x [redacted] y [redacted] z");
});

test("regular expression characters in a secret are taken literally", () => {
  const r = new Redactor();
  r.remember("a.b*c(d)e|f");
  assert.equal(r.redactText("axb*c(d)e|f a.b*c(d)e|f"), "axb*c(d)e|f [redacted]");
});
