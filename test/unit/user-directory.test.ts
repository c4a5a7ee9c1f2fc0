import { TenantSettingUserDirectory } from '../../functions/infra/cosmos/user-directory.store';
import { AppError } from '../../shared/domain/errors';
import type { TenantSetting } from '../../shared/domain/repositories';
import { directoryNames, USER_DIRECTORY_LIMITS, withUserSeen, type DirectoryEntry, type DirectoryLimits } from '../../shared/domain/user-directory';

const priya = { userId: 'u-priya', displayName: 'Priya Raman', email: 'priya.raman@contoso.example' };
const lucas = { userId: 'u-lucas', displayName: 'Lucas Moreau', email: 'lucas.moreau@contoso.example' };
const at = (iso: string) => new Date(iso);
const entry = (user: typeof priya, lastSeenAt: string): DirectoryEntry => ({ ...user, lastSeenAt });

describe('recording a user in the directory', () => {
  it('adds a user seen for the first time, with when they were seen', () => {
    expect(withUserSeen([], priya, at('2026-03-01T09:00:00Z'))).toEqual([entry(priya, '2026-03-01T09:00:00.000Z')]);
  });

  it('asks for no write when the user is listed with the same name and e-mail', () => {
    const entries = [entry(priya, '2026-03-01T09:00:00.000Z'), entry(lucas, '2026-03-01T10:00:00.000Z')];
    expect(withUserSeen(entries, priya, at('2026-03-02T09:00:00Z'))).toBeNull();
  });

  it('rewrites a user whose name or e-mail changed, once', () => {
    const entries = [entry(priya, '2026-03-01T09:00:00.000Z'), entry(lucas, '2026-03-01T10:00:00.000Z')];
    const renamed = withUserSeen(entries, { ...priya, displayName: 'Priya Raman-Shah' }, at('2026-03-02T09:00:00Z'));
    expect(renamed?.filter((candidate) => candidate.userId === priya.userId)).toEqual([entry({ ...priya, displayName: 'Priya Raman-Shah' }, '2026-03-02T09:00:00.000Z')]);
    expect(renamed).toContainEqual(entries[1]);
    const moved = withUserSeen(entries, { ...priya, email: 'priya@contoso.example' }, at('2026-03-02T09:00:00Z'));
    expect(moved?.find((candidate) => candidate.userId === priya.userId)?.email).toBe('priya@contoso.example');
  });

  it('refreshes an unchanged user only once their entry is older than the refresh period', () => {
    const entries = [entry(priya, '2026-03-01T09:00:00.000Z')];
    const justBefore = new Date(Date.parse('2026-03-01T09:00:00Z') + USER_DIRECTORY_LIMITS.refreshAfterMs - 1);
    expect(withUserSeen(entries, priya, justBefore)).toBeNull();
    expect(withUserSeen(entries, priya, at('2026-04-15T09:00:00Z'))).toEqual([entry(priya, '2026-04-15T09:00:00.000Z')]);
  });

  it('keeps at most the cap, dropping those seen longest ago and never the user just seen', () => {
    const limits: DirectoryLimits = { ...USER_DIRECTORY_LIMITS, maxEntries: 3 };
    const entries = ['2026-01-03', '2026-01-01', '2026-01-04', '2026-01-02'].map((day, index) => entry({ ...priya, userId: `u-${index}` }, `${day}T00:00:00.000Z`));
    const capped = withUserSeen(entries, lucas, at('2026-01-05T00:00:00Z'), limits);
    expect(capped?.map((candidate) => candidate.userId)).toEqual([lucas.userId, 'u-2', 'u-0']);
  });

  it('keeps the document under its size budget however long the names are', () => {
    const long = (index: number) => entry({ userId: `u-${index}`, displayName: 'N'.repeat(400), email: `${'e'.repeat(300)}@x.example` }, `2026-01-0${index + 1}T00:00:00.000Z`);
    const limits: DirectoryLimits = { ...USER_DIRECTORY_LIMITS, maxBytes: 2_000 };
    const capped = withUserSeen([long(0), long(1), long(2), long(3)], lucas, at('2026-02-01T00:00:00Z'), limits) ?? [];
    expect(new TextEncoder().encode(JSON.stringify(capped)).length).toBeLessThanOrEqual(2_000);
    expect(capped.map((candidate) => candidate.userId)).toEqual([lucas.userId, 'u-3', 'u-2']);
  });

  it('names users by id, leaving out names that are only the id', () => {
    const names = directoryNames([entry(priya, '2026-01-01T00:00:00.000Z'), entry({ userId: 'u-bare', displayName: 'u-bare', email: '' }, '2026-01-01T00:00:00.000Z')]);
    expect([...names]).toEqual([[priya.userId, 'Priya Raman']]);
  });
});

/** The settings document in memory, saved under an ETag like CosmosTenantSetting. */
class MemorySetting implements TenantSetting<DirectoryEntry[]> {
  value: DirectoryEntry[] = [];
  version = 0;
  reads = 0;
  saves = 0;
  failNextSaves = 0;
  beforeSave?: () => void;

  async get(): Promise<{ value: DirectoryEntry[]; etag: string | null }> {
    this.reads += 1;
    return { value: this.value, etag: this.version === 0 ? null : String(this.version) };
  }

  async save(_tenantId: string, value: DirectoryEntry[], etag: string | null): Promise<{ value: DirectoryEntry[]; etag: string }> {
    this.beforeSave?.();
    this.beforeSave = undefined;
    if (this.failNextSaves > 0) {
      this.failNextSaves -= 1;
      throw new AppError('TEMPORARY', 'The database is unavailable.');
    }
    if (etag !== (this.version === 0 ? null : String(this.version))) throw new AppError('PRECONDITION_FAILED', 'Someone saved meanwhile.');
    this.saves += 1;
    this.version += 1;
    this.value = value;
    return { value, etag: String(this.version) };
  }
}

describe('the user directory of an instance', () => {
  let setting: MemorySetting;
  let directory: TenantSettingUserDirectory;
  beforeEach(() => {
    setting = new MemorySetting();
    directory = new TenantSettingUserDirectory(setting, () => at('2026-03-01T09:00:00Z'));
  });

  it('writes a new user once, then answers from memory without reading or writing', async () => {
    expect(await directory.record('t1', priya)).toBe(true);
    const touches = setting.reads + setting.saves;
    expect(await directory.record('t1', priya)).toBe(false);
    expect(setting.reads + setting.saves).toBe(touches);
    expect((await directory.names('t1')).get(priya.userId)).toBe('Priya Raman');
  });

  it('writes again when the token carries another name', async () => {
    await directory.record('t1', priya);
    expect(await directory.record('t1', { ...priya, displayName: 'Priya R.' })).toBe(true);
    expect(setting.value).toEqual([entry({ ...priya, displayName: 'Priya R.' }, '2026-03-01T09:00:00.000Z')]);
  });

  it('does not write a user another instance already recorded', async () => {
    setting.value = [entry(priya, '2026-03-01T08:00:00.000Z')];
    setting.version = 1;
    expect(await directory.record('t1', priya)).toBe(false);
    expect(setting.saves).toBe(0);
  });

  it('shares one write among simultaneous first requests of a user', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => directory.record('t1', priya)));
    expect(answers).toEqual([true, true, true]);
    expect(setting.saves).toBe(1);
  });

  it('re-reads and adds its user when another instance saved meanwhile', async () => {
    setting.beforeSave = () => {
      setting.value = [entry(lucas, '2026-03-01T08:59:00.000Z')];
      setting.version += 1;
    };
    expect(await directory.record('t1', priya)).toBe(true);
    expect(setting.value.map((candidate) => candidate.userId).sort()).toEqual([lucas.userId, priya.userId].sort());
  });

  it('reports a failed write, leaves that user alone for a minute, then tries again', async () => {
    let now = at('2026-03-01T09:00:00Z');
    const clocked = new TenantSettingUserDirectory(setting, () => now);
    setting.failNextSaves = 1;
    await expect(clocked.record('t1', priya)).rejects.toMatchObject({ code: 'TEMPORARY' });
    const touches = setting.reads + setting.saves;
    expect(await clocked.record('t1', priya)).toBe(false);
    expect(setting.reads + setting.saves).toBe(touches);
    now = at('2026-03-01T09:01:01Z');
    expect(await clocked.record('t1', priya)).toBe(true);
    expect(setting.value).toHaveLength(1);
  });

  it('records many first sign-ins of one tenant at once without racing itself', async () => {
    const people = Array.from({ length: 20 }, (_, n) => ({ userId: `user-${n}`, displayName: `User ${n}`, email: `user${n}@contoso.example` }));
    const answers = await Promise.all(people.map((person) => directory.record('t1', person)));
    expect(answers.every(Boolean)).toBe(true);
    expect(setting.value.map((candidate) => candidate.userId).sort()).toEqual(people.map((person) => person.userId).sort());
  });
});
