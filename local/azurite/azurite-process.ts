/**
 * One Azurite service (blob or queue) as a child process. Each service has its own entry point in
 * the azurite package; starting the two separately in parallel is faster than the all-in-one
 * `azurite` bin, which also loads the table service we do not use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type AzuriteService = 'blob' | 'queue';

export interface AzuriteProcessOptions {
  service: AzuriteService;
  host: string;
  /** 0 lets the OS choose a free port; the real one is read from Azurite's own start-up line. */
  port: number;
  /** Undefined keeps everything in memory. */
  dataDir?: string;
  startTimeoutMs?: number;
}

export interface RunningAzurite {
  port: number;
  stop(): Promise<void>;
}

const READY_LINE = /successfully listens on https?:\/\/\S+:(\d+)/;
const OUTPUT_KEPT = 4000; // characters of output kept for the error message of a failed start
const STOP_GRACE_MS = 5000;

function azuriteBin(service: AzuriteService): string {
  const packageJson = require.resolve('azurite/package.json');
  const bins = (JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> }).bin;
  const bin = bins[`azurite-${service}`];
  if (!bin) throw new Error(`azurite package has no azurite-${service} bin`);
  return path.join(path.dirname(packageJson), bin);
}

function azuriteArgs(options: AzuriteProcessOptions): string[] {
  const { service } = options;
  const args = [`--${service}Host`, options.host, `--${service}Port`, String(options.port)];
  // The SDKs are newer than the emulator; without this every request fails its version check.
  args.push('--skipApiVersionCheck', '--disableTelemetry', '--silent');
  args.push(...(options.dataDir === undefined ? ['--inMemoryPersistence'] : ['--location', options.dataDir]));
  return args;
}

export function startAzuriteProcess(options: AzuriteProcessOptions): Promise<RunningAzurite> {
  const watchdog = path.join(__dirname, 'parent-watchdog.cjs');
  // NODE_OPTIONS is dropped so loaders of the parent (tsx, coverage) do not slow the emulator down.
  const { NODE_OPTIONS: _dropped, ...env } = process.env;
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true }); // also the child's cwd
  const child = spawn(process.execPath, ['--require', watchdog, azuriteBin(options.service), ...azuriteArgs(options)], {
    cwd: options.dataDir ?? os.tmpdir(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: Ctrl-C in a terminal reaches the parent only, which can then stop its queue
    // handlers before the storage they use. The watchdog still ends the child if the parent dies.
    detached: true,
  });
  // A late 'error' (e.g. a failed kill) must not crash the parent as an unhandled event.
  child.on('error', () => undefined);
  return waitUntilReady(child, options);
}

function waitUntilReady(child: ChildProcess, options: AzuriteProcessOptions): Promise<RunningAzurite> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timeoutMs = options.startTimeoutMs ?? 20000;
  return new Promise<RunningAzurite>((resolve, reject) => {
    let output = '';
    const onStderr = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    const onStdout = (chunk: Buffer): void => {
      onStderr(chunk);
      const port = READY_LINE.exec(output)?.[1];
      if (port === undefined) return;
      settle();
      resolve({ port: Number(port), stop: () => stopChild(child, exited) });
    };
    const onError = (error: Error): void => fail(error.message);
    const onExit = (code: number | null, signal: string | null): void => fail(`exited early (${signal ?? `code ${String(code)}`})`);
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    function settle(): void {
      clearTimeout(timer);
      child.off('error', onError).off('exit', onExit);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      // Keep draining the pipes: a child blocked writing to a full pipe would hang.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(reason: string): void {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`Azurite ${options.service} did not start: ${reason}\n${output.trim()}`));
    }
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.on('error', onError).on('exit', onExit);
  });
}

/** SIGTERM lets Azurite flush its metadata to disk; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, STOP_GRACE_MS);
  });
  await Promise.race([exited, forced]);
  clearTimeout(timer);
  await exited;
}
