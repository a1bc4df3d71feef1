// Redaction of credential values: every spelling in which a value can travel (raw, URL-encoded as a URL path or
// component, form-encoded as URLSearchParams writes it, base64 and base64url) is replaced by [redacted], in any
// letter case, so an API that echoes a header, upper-cases it or encodes it hands nothing back.
import { isObject } from "../../../lib/http";

export const REDACTED = "[redacted]";
/** Credentials shorter than this are refused at push: a short value would match ordinary text everywhere. */
export const MIN_SECRET_LENGTH = 8;

export class Redactor {
  private readonly forms = new Set<string>();
  private pattern: RegExp | null = null;

  /** Remembers a value and its encodings. Values under 4 characters are ignored (they cannot be told from text). */
  remember(value: string): void {
    if (value.length < 4) return;
    for (const form of encodings(value)) if (form.length >= 4) this.forms.add(form);
    this.pattern = null;
  }

  get size(): number {
    return this.forms.size;
  }

  redactText(s: string): string {
    if (this.forms.size === 0) return s;
    if (!this.pattern) {
      // Longest first, so a secret inside another is hidden whole.
      const alternatives = [...this.forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(alternatives.join("|"), "gi");
    }
    return s.replace(this.pattern, REDACTED);
  }

  /** A copy of the value with every string (keys included) redacted; iterative so deep values cannot overflow. */
  redact<T>(value: T): T {
    if (this.forms.size === 0) return value;
    const scrub = (v: unknown, depth: number): unknown => {
      if (typeof v === "string") return this.redactText(v);
      if (depth > 200) return REDACTED; // deeper than any input the engine accepts
      if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
      if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.redactText(k), scrub(x, depth + 1)]));
      return v;
    };
    return scrub(value, 0) as T;
  }
}

/** The spellings of a value as it may appear in an answer. */
export function encodings(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const b64 = base64(bytes);
  const b64url = b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [...new Set([value, encodeURIComponent(value), encodeURI(value), form, b64, b64.replace(/=+$/, ""), b64url])];
}

/** HTTP Basic's value for a user and password: base64("user:pass"). */
export function basicForm(user: string, pass: string): string {
  return base64(new TextEncoder().encode(`${user}:${pass}`));
}

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
