/**
 * One process per data directory: two servers appending to the same log would corrupt it.
 * The lock is a file holding the owner's pid; a lock left by a process that no longer runs
 * (after kill -9) is taken over.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface DirectoryLock {
  release(): Promise<void>;
}

const LOCK_FILE = 'LOCK';

export async function acquireDirectoryLock(dataDir: string): Promise<DirectoryLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return { release: () => fs.rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (isRunning(owner)) {
        throw new Error(
          `${dataDir} is in use by process ${owner}. Stop that process, or delete ${lockPath} if it is not a Cosmos server.`,
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}: another process keeps taking ${lockPath}`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
