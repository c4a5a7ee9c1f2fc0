/**
 * The user directory kept as one tenant setting document ('user-directory' in the settings
 * container). Every request authenticates, so recording must cost nothing in the usual case:
 * each instance remembers whom it has already checked, and the document is written only when a
 * user is new, changed name or e-mail, or is due a refresh (rules in shared/domain/user-directory.ts).
 */
import type { Container } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { TenantSetting } from '../../../shared/domain/repositories';
import {
  directoryFingerprint,
  directoryNames,
  withUserSeen,
  type DirectoryEntry,
  type DirectoryUser,
  type UserDirectory,
} from '../../../shared/domain/user-directory';
import { CosmosTenantSetting } from './tenant-setting.store';

/** Instances racing on the same tenant's first sign-ins: each lost race re-reads and tries again. */
const MAX_ATTEMPTS = 5;
/** How long an instance trusts what it checked before looking at the document again (it may be due a refresh). */
const RECHECK_MS = 86_400_000;
/** Users remembered per instance, across tenants; the oldest checked are forgotten first. */
const MAX_REMEMBERED = 20_000;
/** After a failed write, that user's requests do not try again for this long (the store may be throttling). */
const BACKOFF_MS = 60_000;

export class TenantSettingUserDirectory implements UserDirectory {
  private readonly checked = new Map<string, { fingerprint: string; at: number }>();
  private readonly pending = new Map<string, Promise<boolean>>();
  /** Writes of one tenant's document, one after the other: this instance never races itself. */
  private readonly tenantWrites = new Map<string, Promise<unknown>>();
  private readonly backoffUntil = new Map<string, number>();
  private readonly nameMaps = new WeakMap<readonly DirectoryEntry[], ReadonlyMap<string, string>>();

  constructor(
    private readonly setting: TenantSetting<DirectoryEntry[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(tenantId: string, user: DirectoryUser): Promise<boolean> {
    const key = `${tenantId}/${user.userId}`;
    const fingerprint = directoryFingerprint(user);
    const hit = this.checked.get(key);
    if (hit && hit.fingerprint === fingerprint && this.now().getTime() - hit.at < RECHECK_MS) return Promise.resolve(false);
    // Several first requests of one user at once share one write.
    const running = this.pending.get(key);
    if (running) return running;
    if ((this.backoffUntil.get(key) ?? 0) > this.now().getTime()) return Promise.resolve(false);
    const work = this.queued(tenantId, () => this.write(tenantId, user))
      .then((written) => {
        this.backoffUntil.delete(key);
        this.remember(key, fingerprint);
        return written;
      })
      .catch((error: unknown) => {
        this.backoffUntil.set(key, this.now().getTime() + BACKOFF_MS);
        throw error;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }

  async names(tenantId: string): Promise<ReadonlyMap<string, string>> {
    const { value } = await this.setting.get(tenantId);
    // The setting caches the same array for a while: build its map once, not per request.
    let names = this.nameMaps.get(value);
    if (!names) {
      names = directoryNames(value);
      this.nameMaps.set(value, names);
    }
    return names;
  }

  private queued<T>(tenantId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tenantWrites.get(tenantId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tenantWrites.set(tenantId, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.tenantWrites.get(tenantId) === next) this.tenantWrites.delete(tenantId);
      });
    return next;
  }

  private async write(tenantId: string, user: DirectoryUser): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      const { value, etag } = await this.setting.get(tenantId);
      const next = withUserSeen(value, user, this.now());
      if (!next) return false;
      try {
        await this.setting.save(tenantId, next, etag, user.userId);
        return true;
      } catch (error) {
        // Another instance saved meanwhile (412, or 409 on the first save): the save dropped the
        // cached copy, so the next attempt reads theirs and adds this user to it.
        const lostRace = error instanceof AppError && error.code === 'PRECONDITION_FAILED';
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private remember(key: string, fingerprint: string): void {
    this.checked.delete(key);
    if (this.checked.size >= MAX_REMEMBERED) {
      const oldest = this.checked.keys().next();
      if (!oldest.done) this.checked.delete(oldest.value);
    }
    this.checked.set(key, { fingerprint, at: this.now().getTime() });
  }
}

export function createUserDirectory(settings: Container): UserDirectory {
  return new TenantSettingUserDirectory(new CosmosTenantSetting<DirectoryEntry[]>(settings, 'user-directory', () => []));
}
