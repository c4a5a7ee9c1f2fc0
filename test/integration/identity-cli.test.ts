import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTokenValidator } from '../../functions/infra/identity/token-validator';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Ready {
  ready: true;
  baseUrl: string;
  jwksUri: string;
  issuerTemplate: string;
  audience: string;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with the first stdout line, which the CLI promises is its ready JSON. */
function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.on('close', (code) => reject(new Error(`exited with ${String(code)} before it was ready`)));
  });
}

describe('identity stand-in as a process', () => {
  let dataDir: string;
  let child: ChildProcessWithoutNullStreams;
  let ready: Ready;
  let exit: Promise<Finished>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'identity-cli-'));
    child = run('local/identity/cli.ts', ['--port', '0', '--data-dir', dataDir]);
    exit = finished(child);
    ready = JSON.parse(await firstLine(child)) as Ready;
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const port = (): string => new URL(ready.baseUrl).port;

  it('announces itself with one JSON line', () => {
    expect(ready).toEqual({
      ready: true,
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      jwksUri: `${ready.baseUrl}/discovery/v2.0/keys`,
      issuerTemplate: `${ready.baseUrl}/{tenantid}/v2.0`,
      audience: 'api://office-crm',
    });
  });

  it('hands out a token the functions accept through the token script', async () => {
    const result = await finished(run('local/identity/print-token.ts', ['rep1'], { IDENTITY_PORT: port() }));
    expect(result.code).toBe(0);
    const validator = createTokenValidator({ ...ready, requiredScope: 'access_as_user' });
    await expect(validator.validate(`Bearer ${result.stdout.trim()}`)).resolves.toMatchObject({ displayName: 'Priya Raman' });
  });

  it('lists the demo users when the token script gets an unknown one or none', async () => {
    for (const args of [['nobody'], []]) {
      const result = await finished(run('local/identity/print-token.ts', args, { IDENTITY_PORT: port() }));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/rep1 +Priya Raman/);
    }
  });

  it('says clearly when the port is taken', async () => {
    const second = await finished(run('local/identity/cli.ts', ['--port', port(), '--memory']));
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/port \d+ .* already in use/);
  });

  it('stops cleanly on SIGTERM, after which the token script asks for npm start', async () => {
    child.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const orphan = await finished(run('local/identity/print-token.ts', ['rep1'], { IDENTITY_PORT: port() }));
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toMatch(/run `npm start` first/);
  });
});
