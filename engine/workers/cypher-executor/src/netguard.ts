// Which addresses a workflow may reach. Workers cannot resolve DNS, so only literal addresses and the localhost
// names are judged: loopback, link-local, private, unspecified, multicast and the IPv4 forms of these inside
// IPv6. The URL parser has already turned integer, hex and octal IPv4 spellings into dotted decimal.

/** The reason a URL's host is private, or null for a public host. */
export function privateReason(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "a localhost name";
  if (host.startsWith("[")) return ipv6Reason(host.slice(1, -1));
  const v4 = parseIpv4(host);
  return v4 ? ipv4Reason(v4) : null;
}

/** host:port as the settings' allow_private_hosts spell it, with the scheme's default port filled in. */
export function hostPort(url: URL): string {
  return `${url.hostname.toLowerCase().replace(/\.$/, "")}:${effectivePort(url)}`;
}

export function effectivePort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** Normalises one allow_private_hosts entry ("127.0.0.1:8080", "[::1]:8080", "localhost:3000"), or null when bad. */
export function normaliseHostPort(entry: string): string | null {
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(entry)) return null;
  let url: URL;
  try {
    url = new URL(`http://${entry}/`);
  } catch {
    return null;
  }
  const port = Number(entry.slice(entry.lastIndexOf(":") + 1));
  if (port < 1 || port > 65535) return null;
  return `${url.hostname.toLowerCase().replace(/\.$/, "")}:${port}`;
}

function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function ipv4Reason([a, b]: number[]): string | null {
  if (a === 0) return "an unspecified (0.0.0.0/8) address";
  if (a === 127) return "a loopback address";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "a private address";
  if (a === 100 && b >= 64 && b <= 127) return "a shared (carrier-grade NAT) address";
  if (a === 169 && b === 254) return "a link-local address";
  if (a === 198 && (b === 18 || b === 19)) return "a benchmarking network address";
  if (a >= 224) return "a multicast or reserved address";
  return null;
}

function ipv6Reason(text: string): string | null {
  const groups = parseIpv6(text);
  if (!groups) return "an IPv6 address that cannot be read";
  if (groups.every((g) => g === 0)) return "the unspecified address";
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "a loopback address";
  const embedded = () => [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255];
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judged by their IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) return ipv4Reason(embedded());
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return ipv4Reason(embedded());
  if ((groups[0] & 0xfe00) === 0xfc00) return "a private (unique local) address";
  if ((groups[0] & 0xffc0) === 0xfe80) return "a link-local address";
  if ((groups[0] & 0xffc0) === 0xfec0) return "a site-local address";
  if ((groups[0] & 0xff00) === 0xff00) return "a multicast address";
  return null;
}

/** Eight 16-bit groups of an IPv6 address (the URL parser gives the compressed hex form). */
function parseIpv6(text: string): number[] | null {
  let s = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const p = parseIpv4(v4[1]);
    if (!p) return null;
    s = s.slice(0, -v4[1].length) + ((p[0] << 8) | p[1]).toString(16) + ":" + ((p[2] << 8) | p[3]).toString(16);
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}
