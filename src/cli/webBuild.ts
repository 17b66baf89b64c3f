// Builds the web app when dist/web is missing or older than its sources (npm start does this).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webSrc = join(root, 'src/web');
const stampFile = join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(full) : stat.mtimeMs);
  }
  return newest;
}

export function isWebBuildStale(): boolean {
  if (!existsSync(join(webSrc, 'index.html'))) return false;
  if (!existsSync(stampFile)) return true;
  return newestMtime(webSrc) > statSync(stampFile).mtimeMs;
}

export async function ensureWebBuild(): Promise<void> {
  if (!isWebBuildStale()) return;
  console.log('Membangun aplikasi web / building the web app…');
  const { build } = await import('vite');
  // Vite sets process.env.NODE_ENV=production for the build; the server started next in this
  // process must not inherit it (it decides whether NETRA_PUBLIC_URL is required).
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ configFile: join(webSrc, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
