// The deployment files an operator installs (issue 17, item 4): the nginx site passes `nginx -t`
// with Debian's nginx and, run in front of a real netra process, caches the public data and
// nothing else; the systemd units parse and pass `systemd-analyze verify` where it exists.
// The site file is used as written except for machine paths and ports: certificates (a
// throwaway self-signed one), cache and log directories, the listen ports, and the upstream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startNetraProcess } from '../support/process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const deploy = (name: string) => join(root, 'deploy', name);

function which(command: string, extra: string[] = []): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...extra]) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

const nginx = which('nginx', ['/usr/sbin', '/sbin']);
const openssl = which('openssl');
const nginxMissing = !nginx
  ? 'nginx is not installed (apt-get install -y nginx-light; .ci/run installs it)'
  : !openssl
    ? 'openssl is not installed (needed for a test certificate)'
    : false;

/** The site file with this machine's paths and ports, inside a minimal nginx.conf. */
function prepareNginx(options: { httpPort: number; httpsPort: number; upstreamPort: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'netra-nginx-'));
  for (const sub of ['ssl', 'cache', 'logs', 'tmp']) mkdirSync(join(dir, sub));
  chmodSync(dir, 0o755);
  execFileSync(
    openssl!,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=netra.test',
      '-keyout',
      join(dir, 'ssl/privkey.pem'),
      '-out',
      join(dir, 'ssl/fullchain.pem'),
    ],
    { stdio: 'ignore' },
  );
  const site = readFileSync(deploy('nginx/netra.conf'), 'utf8')
    .replaceAll('/etc/ssl/netra/', `${dir}/ssl/`)
    .replaceAll('/var/cache/nginx/netra', `${dir}/cache`)
    .replaceAll('/var/log/nginx/', `${dir}/logs/`)
    .replace(/listen 80;/, `listen 127.0.0.1:${options.httpPort};`)
    .replace(/listen \[::\]:80;/, '')
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${options.httpsPort} ssl http2;`)
    .replace(/listen \[::\]:443 ssl http2;/, '')
    .replace(/server 127\.0\.0\.1:8080 /, `server 127.0.0.1:${options.upstreamPort} `)
    .replace(/\n\s*server 127\.0\.0\.1:8081 [^\n]*/, '');
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log;`,
      'daemon off;',
      'worker_processes 1;',
      'events { worker_connections 64; }',
      `http { access_log off; client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy; fastcgi_temp_path ${dir}/tmp/fcgi; uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;`,
      `  include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  return { dir, conf: join(dir, 'nginx.conf'), site };
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? request : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      { method: 'GET', headers: { host: 'netra.bawaslu.go.id', ...headers }, rejectUnauthorized: false, servername: 'netra.test' },
      (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => {
            body += c;
          })
          .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test(
  'nginx site file: nginx -t accepts it; in front of netra it caches public data only and redirects to HTTPS',
  { skip: nginxMissing },
  async () => {
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-proxy-data-'));
    const netra = await startNetraProcess({
      NETRA_DATA_DIR: dataDir,
      NETRA_TRUST_PROXY: '127.0.0.1',
      NETRA_PUBLIC_URL: 'https://netra.bawaslu.go.id',
    });
    const upstreamPort = Number(new URL(netra.url).port);
    const prepared = prepareNginx({ httpPort, httpsPort, upstreamPort });
    try {
      const checked = spawnSync(nginx!, ['-t', '-c', prepared.conf, '-p', prepared.dir], { encoding: 'utf8' });
      assert.equal(checked.status, 0, checked.stderr);
      assert.match(checked.stderr, /test is successful/);
      assert.match(prepared.site, /proxy_cache netra_public;/, 'the site file caches');

      const proxy = spawn(nginx!, ['-c', prepared.conf, '-p', prepared.dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proxy.stderr!.setEncoding('utf8').on('data', (c: string) => {
        stderr += c;
      });
      try {
        const base = `https://127.0.0.1:${httpsPort}`;
        const deadline = Date.now() + 30_000;
        let health: Awaited<ReturnType<typeof get>> | null = null;
        while (!health && Date.now() < deadline) {
          health = await get(`${base}/api/v1/health`).catch(() => null);
          if (!health) await new Promise((r) => setTimeout(r, 100));
        }
        assert.ok(health, `nginx did not answer: ${stderr}`);
        assert.equal(health.status, 200);
        assert.equal(health.headers['x-cache-status'], undefined, 'health is not cached');

        const first = await get(`${base}/api/v1/public/stats`);
        assert.equal(first.status, 200, first.body);
        assert.equal(first.headers['x-cache-status'], 'MISS');
        const second = await get(`${base}/api/v1/public/stats`);
        assert.equal(second.headers['x-cache-status'], 'HIT', 'the second request is served by the proxy');
        assert.equal(second.body, first.body);
        const english = await get(`${base}/api/v1/public/stats`, { 'accept-language': 'en' });
        assert.equal(english.headers['x-cache-status'], 'MISS', 'one copy per language');

        // Staff and reporter answers pass through uncached.
        const staff = await get(`${base}/api/v1/cases`);
        assert.equal(staff.status, 401);
        assert.equal(staff.headers['x-cache-status'], undefined);

        const plain = await get(`http://127.0.0.1:${httpPort}/lapor`);
        assert.equal(plain.status, 301);
        assert.match(String(plain.headers.location), /^https:\/\/netra\.bawaslu\.go\.id\/lapor$/);
      } finally {
        proxy.kill('SIGQUIT');
        await new Promise((resolve) => proxy.once('exit', resolve));
      }
    } finally {
      await netra.kill('SIGTERM');
      rmSync(prepared.dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

/** INI-like sections of a unit file: `[Section]` → key → values (keys may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const pair = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    assert.ok(pair && current, `line ${index + 1} is neither a section nor Key=value: ${raw}`);
    current.set(pair[1], [...(current.get(pair[1]) ?? []), pair[2]]);
  }
  return sections;
}

test('systemd units: HTTP (WORKER=off), per-port HTTP and worker, hardened, each starting bin/netra.mjs', async () => {
  const units = { 'netra.service': 'start', 'netra@.service': 'start', 'netra-worker.service': 'worker' } as const;
  for (const [name, command] of Object.entries(units)) {
    const unit = parseUnit(readFileSync(deploy(name), 'utf8'));
    assert.deepEqual([...unit.keys()], ['Unit', 'Service', 'Install'], name);
    const service = unit.get('Service')!;
    const exec = service.get('ExecStart')![0].split(' ');
    assert.ok(exec[0].startsWith('/'), `${name}: ExecStart needs an absolute path`);
    assert.equal(exec.at(-1), command, name);
    assert.ok(existsSync(join(root, exec.at(-2)!.replace('/opt/netra/', ''))), `${name}: ${exec.at(-2)} is the repository's entry point`);
    assert.deepEqual(service.get('User'), ['netra'], `${name}: not root`);
    assert.deepEqual(service.get('EnvironmentFile'), ['/etc/netra/netra.env'], name);
    assert.ok(service.get('Environment')!.includes('NODE_ENV=production'), `${name}: production (NETRA_PUBLIC_URL required)`);
    assert.equal(
      service.get('Environment')!.includes('WORKER=off'),
      command === 'start',
      `${name}: HTTP processes leave jobs to the worker`,
    );
    assert.deepEqual(service.get('ProtectSystem'), ['strict'], name);
    assert.deepEqual(service.get('ReadWritePaths'), ['/var/lib/netra'], name);
    assert.deepEqual(service.get('Restart'), ['on-failure'], name);
  }
  assert.ok(
    parseUnit(readFileSync(deploy('netra@.service'), 'utf8'))
      .get('Service')!
      .get('Environment')!
      .includes('PORT=%i'),
  );
});

const analyze = which('systemd-analyze');
test(
  'systemd units pass systemd-analyze verify',
  {
    skip: !analyze
      ? 'systemd-analyze is not installed (the structural parse above still runs)'
      : !existsSync('/usr/bin/node')
        ? 'no /usr/bin/node here, which the units start'
        : false,
  },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'netra-units-'));
    try {
      copyFileSync(deploy('netra.service'), join(dir, 'netra.service'));
      copyFileSync(deploy('netra-worker.service'), join(dir, 'netra-worker.service'));
      copyFileSync(deploy('netra@.service'), join(dir, 'netra@8081.service'));
      const result = spawnSync(
        analyze!,
        ['verify', '--man=no', ...['netra.service', 'netra-worker.service', 'netra@8081.service'].map((f) => join(dir, f))],
        { encoding: 'utf8' },
      );
      assert.equal(result.status, 0, result.stderr);
      // Unknown keys and bad values are only warnings: none may name our files.
      assert.doesNotMatch(result.stderr, /netra[^\s]*\.service:\d+/, result.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
