// SSRF (issue 11 item 8): the feed fetcher checks every redirect hop and every resolved address,
// IPv4 and IPv6. A local server redirects to internal targets; only the redirector's own origin
// is exempt (the test-only FetchGuard.allowOrigins), never the targets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { BlockedDestination, FetchFailure, guardedLookup, politeFetch, MAX_REDIRECTS } from '../../src/server/modules/leads/fetcher.ts';

let redirector: Server;
let target: Server;
let base = '';
let targetPort = 0;
let targetHits = 0;
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>internal</title></channel></rss>';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
};

before(async () => {
  // The "internal service" a hostile feed would like the server to read.
  target = createServer((_request, response) => {
    targetHits++;
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });
  targetPort = await listen(target);
  const redirects: Record<string, string> = {
    '/to-loopback': `http://127.0.0.1:${targetPort}/feed.xml`,
    '/to-ipv6-loopback': `http://[::1]:${targetPort}/feed.xml`,
    '/to-mapped': `http://[::ffff:127.0.0.1]:${targetPort}/feed.xml`,
    '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
    '/to-unspecified': `http://0.0.0.0:${targetPort}/feed.xml`,
    '/to-ula': 'http://[fd00::1]/feed.xml',
    '/to-localhost': `http://localhost:${targetPort}/feed.xml`,
    '/to-private-name': `http://intranet.example:${targetPort}/feed.xml`,
    '/to-file': 'file:///etc/passwd',
    '/hop': '/ok',
    '/loop': '/loop',
  };
  redirector = createServer((request, response) => {
    const location = redirects[request.url ?? ''];
    if (location) return response.writeHead(302, { location }).end();
    if (request.url === '/ok') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    response.writeHead(404).end();
  });
  base = `http://127.0.0.1:${await listen(redirector)}`;
});

after(async () => {
  await new Promise((resolve) => redirector.close(resolve));
  await new Promise((resolve) => target.close(resolve));
});

// Test DNS: intranet.example resolves to a private address (as a hostile zone could arrange).
const resolve = async (hostname: string) =>
  hostname === 'intranet.example'
    ? [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ]
    : [{ address: '93.184.216.34', family: 4 }];
const fetchVia = (path: string, allow = true) =>
  politeFetch(`${base}${path}`, {
    maxBytes: 100_000,
    accept: '*/*',
    timeoutMs: 10_000,
    guard: allow ? { allowOrigins: [base], resolve } : { resolve },
  });

test('without the allowance, a loopback feed URL is refused before any connection', async () => {
  await assert.rejects(fetchVia('/ok', false), BlockedDestination);
  await assert.rejects(
    politeFetch(`http://127.0.0.1:${targetPort}/feed.xml`, { maxBytes: 1000, accept: '*/*' }),
    /blocked destination: 127\.0\.0\.1 \(loopback\)/,
  );
  assert.equal(targetHits, 0);
});

test('a redirect to 127.0.0.1, [::1], ::ffff:127.0.0.1, 169.254.169.254, 0.0.0.0, fd00::, localhost or a privately resolving name is refused', async () => {
  const expected: [string, RegExp][] = [
    ['/to-loopback', /127\.0\.0\.1 \(loopback\)/],
    ['/to-ipv6-loopback', /::1 \(loopback\)/],
    ['/to-mapped', /::ffff:7f00:1 \(loopback\)|::ffff:127\.0\.0\.1 \(loopback\)/],
    ['/to-metadata', /169\.254\.169\.254 \(link_local\)/],
    ['/to-unspecified', /0\.0\.0\.0 \(unspecified\)/],
    ['/to-ula', /fd00::1 \(unique_local\)/],
    ['/to-localhost', /localhost is a local name/],
    ['/to-private-name', /intranet\.example resolves to 10\.0\.0\.5 \(private\)/],
    ['/to-file', /scheme file:/],
  ];
  for (const [path, message] of expected) {
    await assert.rejects(fetchVia(path), (error: Error) => error instanceof BlockedDestination && message.test(error.message), path);
  }
  assert.equal(targetHits, 0, 'the internal service was never reached');
});

test('redirects within the allowed origin still work; endless redirects stop', async () => {
  const ok = await fetchVia('/hop');
  assert.equal(ok.status, 200);
  assert.equal(ok.status === 200 && ok.finalUrl, `${base}/ok`);
  await assert.rejects(
    fetchVia('/loop'),
    (error: Error) => error instanceof FetchFailure && error.message.includes(`more than ${MAX_REDIRECTS}`),
  );
});

test('the socket lookup applies the same check (a DNS answer that changes to a private address is refused)', async () => {
  let answer = '93.184.216.34';
  const rebinding = async () => [{ address: answer, family: answer.includes(':') ? 6 : 4 }];
  const lookup = guardedLookup(rebinding);
  const call = (options: { all?: boolean }) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) => {
      lookup('feeds.example', options, (error, address) => done({ error, address }));
    });
  assert.deepEqual(await call({ all: true }), { error: null, address: [{ address: '93.184.216.34', family: 4 }] });
  assert.deepEqual(await call({}), { error: null, address: '93.184.216.34' });
  for (const privateAnswer of ['127.0.0.1', '::1', '169.254.169.254', '::ffff:10.0.0.1', 'fe80::1']) {
    answer = privateAnswer;
    const { error } = await call({ all: true });
    assert.equal(error?.code, 'EBLOCKED', privateAnswer);
  }
});
