// One process per PGlite data dir. PGlite is embedded: two processes opening the same directory
// each run their own PostgreSQL over the same files, and whatever the second one writes is lost
// (or corrupts the first). The lock file `netra.lock` names its holder (pid, port) so a second
// process can refuse with a message the operator can act on, before it writes anything.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';

export const LOCK_FILE = 'netra.lock';

export interface LockHolder {
  pid: number;
  command: string;
  port: number | null;
  host: string | null;
  startedAt: string;
}

/** Locks this process holds: a second open of the same dir in one process is refused too. */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  /** Records where the holder listens, once it does (the port may have been 0). */
  update(fields: Partial<Pick<LockHolder, 'port' | 'host'>>): void;
  release(): void;
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  // Our own pid in a lock we do not hold yet is a leftover (containers reuse pid 1 on every start).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function dataDirLockedError(dataDir: string, holder: LockHolder): AppError {
  const where = holder.port ? `port ${holder.port}${holder.host ? ` (${holder.host})` : ''}` : holder.command;
  return new AppError(
    'data_dir_locked',
    {
      id:
        `Direktori data ${dataDir} sedang dipakai oleh proses Netra lain (pid ${holder.pid}, ${where}, sejak ${holder.startedAt}). ` +
        'PGlite hanya boleh dibuka satu proses; tidak ada yang ditulis. Hentikan proses itu dulu, atau buat admin pertama lewat tautan setup yang dicetak server.',
      en:
        `Data directory ${dataDir} is in use by another Netra process (pid ${holder.pid}, ${where}, since ${holder.startedAt}). ` +
        'A PGlite data dir can be opened by one process only; nothing was written. Stop that process first, or create the first admin through the setup link the server printed.',
    },
    { details: { pid: holder.pid, port: holder.port, host: holder.host } },
  );
}

/**
 * Takes the lock or throws `data_dir_locked`. Created with link(2), which fails when the name
 * exists, so the file appears complete (never half-written) and only one process wins.
 */
export function acquireDataDirLock(dataDir: string, info: { command: string; port?: number | null; host?: string | null }): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path))
    throw dataDirLockedError(
      dataDir,
      readHolder(path) ?? { pid: process.pid, command: info.command, port: null, host: null, startedAt: '' },
    );
  const holder: LockHolder = {
    pid: process.pid,
    command: info.command,
    port: info.port ?? null,
    host: info.host ?? null,
    startedAt: new Date().toISOString(),
  };
  let taken = false;
  for (let attempt = 0; attempt < 5 && !taken; attempt++) {
    taken = tryLink(path, holder);
    if (!taken) clearStaleLock(dataDir, path);
  }
  if (!taken) throw new Error(`could not take ${path}`);
  heldHere.add(path);
  return heldLock(path, holder);
}

/** Writes the holder to a temporary file next to the lock; the caller links or renames it into place. */
function writeTemp(path: string, holder: LockHolder): string {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(holder) + '\n', { mode: 0o644 });
  return tmp;
}

/** One attempt: true when the lock file is ours, false when someone's (live or stale) is there. */
function tryLink(path: string, holder: LockHolder): boolean {
  const tmp = writeTemp(path, holder);
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

/** Refuses when the current holder is alive; otherwise removes its stale lock so the next attempt can link. */
function clearStaleLock(dataDir: string, path: string): void {
  const current = readHolder(path);
  if (current && isAlive(current.pid)) throw dataDirLockedError(dataDir, current);
  if (!current) {
    // Unreadable: a holder from an older or crashed run. Give a live writer a moment first.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    const again = readHolder(path);
    if (again && isAlive(again.pid)) throw dataDirLockedError(dataDir, again);
  }
  // Stale (holder gone): move it aside under our own name, then check it really was the stale one.
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else took it over first; look again
  }
  const moved = readHolder(aside);
  if (moved && isAlive(moved.pid)) {
    // Raced with a process that took over in between: put its lock back and refuse.
    try {
      linkSync(aside, path);
    } catch {
      /* it re-created one itself */
    }
    unlinkSync(aside);
    throw dataDirLockedError(dataDir, moved);
  }
  unlinkSync(aside);
}

/** The taken lock: updatable while held, released once (on close or on process exit). */
function heldLock(path: string, taken: LockHolder): DataDirLock {
  let holder = taken;
  let released = false;
  const onExit = () => lock.release();
  const lock: DataDirLock = {
    path,
    update(fields) {
      if (released) return;
      holder = { ...holder, ...fields };
      renameSync(writeTemp(path, holder), path);
    },
    release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      process.off('exit', onExit);
      // Only our own lock is removed (never one a later process took over after a stale check).
      if (readHolder(path)?.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
    },
  };
  // process.exit() without close(): the lock still goes. SIGKILL leaves it; the next start takes it over.
  process.on('exit', onExit);
  return lock;
}
