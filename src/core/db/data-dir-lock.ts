import fs from 'node:fs';
import path from 'node:path';

/** What the owner of a data directory publishes so that CLI commands can reach its PostgreSQL. */
export interface LockInfo {
  pid: number;
  kind: 'serve' | 'cli';
  pgPort: number;
  startedAt: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `Grove is already running on data directory ${dataDir} (process ${owner.pid}, ${owner.kind === 'serve' ? 'grove serve' : 'a grove command'}, since ${owner.startedAt}). Stop it first, or use another GROVE_DATA_DIR.`,
    );
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, 'grove.lock');

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory for this process. The lock file is created with O_EXCL, so of two
 * processes starting together exactly one wins; a lock left by a dead process (kill -9) is taken over.
 */
export function acquireLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const mine: LockInfo = { ...info, pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLockRaw(file);
      if (owner && isAlive(owner.pid) && owner.pid !== process.pid) throw new DataDirBusyError(dataDir, owner);
      // Stale (its process is gone) or half-written: remove and retry.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}

/** Publishes the port once PostgreSQL is up (the lock is taken before, so nobody races us). */
export function updateLock(dataDir: string, patch: Partial<LockInfo>): void {
  const file = lockPath(dataDir);
  const current = readLockRaw(file);
  if (!current || current.pid !== process.pid) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...current, ...patch }), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readLockRaw(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}
