// The marker that shows a request reached arcrun-registry through the executor's service binding.
export const BINDING_HEADER = "x-arcrun-binding";
export const BINDING_TOKEN_KEY = "binding:token";

/** Constant-time comparison of two strings. */
export function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
