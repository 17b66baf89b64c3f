// Which IP addresses the server may connect to when it fetches something a third party named
// (feed URLs, article links, redirect targets). Only globally routable unicast addresses pass;
// loopback, private, shared (CGNAT), link-local (cloud metadata 169.254.169.254), unique-local,
// multicast, unspecified, documentation and reserved ranges are refused, for IPv4 and IPv6,
// including IPv4 addresses embedded in IPv6 (::ffff:127.0.0.1, NAT64, 6to4).

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link_local'
  | 'unique_local'
  | 'multicast'
  | 'unspecified'
  | 'documentation'
  | 'reserved'
  | 'invalid';

/** Dotted-quad IPv4 → 4 octets, or null (no octal/hex/short forms: those are not addresses here). */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

/** IPv6 text (with optional embedded IPv4 tail and zone id) → 8 groups, or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.replace(/%.*$/, '').toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(s)) return null;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    // An IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length;
  if (halves.length === 1 && known !== 8) return null;
  if (halves.length === 2 && known > 7) return null;
  const zeros = halves.length === 2 ? new Array(8 - known).fill(0) : [];
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16))];
}

function classifyIPv4([a, b, c]: number[]): AddressClass {
  if (a === 0) return a === 0 && b === 0 && c === 0 ? 'unspecified' : 'reserved';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return c === 2 ? 'documentation' : 'reserved';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if (a === 192 && b === 88 && c === 99) return 'reserved'; // 6to4 relay anycast
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // incl. 255.255.255.255
  return 'public';
}

function classifyIPv6(g: number[]): AddressClass {
  const embedded = (hi: number, lo: number) => classifyIPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d (deprecated): judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return embedded(g[6], g[7]);
  // NAT64 64:ff9b::/96 and 6to4 2002::/16 reach the embedded IPv4 address.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6], g[7]);
  if (g[0] === 0x2002) return embedded(g[1], g[2]);
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique_local';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link_local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only
  // Only global unicast 2000::/3 is routable on the internet.
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}

/** The class of an IP address literal (IPv4 dotted quad, or IPv6 with optional brackets). */
export function classifyAddress(address: string): AddressClass {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIPv4(text);
  if (v4) return classifyIPv4(v4);
  const v6 = text.includes(':') ? parseIPv6(text) : null;
  return v6 ? classifyIPv6(v6) : 'invalid';
}

export const isPublicAddress = (address: string) => classifyAddress(address) === 'public';

/** Names that never leave the machine or the local network, whatever DNS says. */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host.endsWith('.home.arpa')
  );
}
