/**
 * Runs timer-triggered functions on their NCRONTAB schedules in the dev host, with the Functions
 * host's rules: one run of a timer at a time; an occurrence that arrives while the previous run is
 * still going is skipped, and the next run is flagged `isPastDue`; a failing run never stops the
 * schedule.
 */
import { nextOccurrence, parseNcrontab, type Schedule } from './ncrontab';

export interface TimerDefinition {
  name: string;
  /** Six-field NCRONTAB expression, UTC. */
  schedule: string;
  /** Run once as soon as the timers start (Functions' `runOnStartup`), besides the schedule. */
  runOnStartup?: boolean;
}

export interface TimerInfo {
  isPastDue: boolean;
  scheduleStatus: {
    /** The previous occurrence that ran (the current one on a timer's first run). ISO UTC. */
    last: string;
    /** The occurrence after the current one. ISO UTC. */
    next: string;
    /** When this status was computed. ISO UTC. */
    lastUpdated: string;
  };
}

export type TimerInvoke = (name: string, timerInfo: TimerInfo) => Promise<void>;

export interface TimerOptions {
  /** Clock for computing occurrences; tests pass a fake one. */
  now?: () => Date;
  onError?: (name: string, error: unknown) => void;
}

/** setTimeout's longest delay (about 24.8 days); longer waits are done in hops. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

interface TimerState {
  definition: TimerDefinition;
  schedule: Schedule;
  handle?: NodeJS.Timeout;
  running: boolean;
  pastDue: boolean;
  lastRun?: Date;
}

export function startTimers(timers: TimerDefinition[], invoke: TimerInvoke, options: TimerOptions = {}): { stop(): void } {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((name, error) => console.error(`[timer ${name}] failed:`, error));
  let stopped = false;
  // Parse every schedule before starting any, so a bad expression fails the start, not a later tick.
  const states: TimerState[] = timers.map((definition) => ({
    definition,
    schedule: parseNcrontab(definition.schedule),
    running: false,
    pastDue: false,
  }));

  function run(state: TimerState, occurrence: Date): void {
    const info: TimerInfo = {
      isPastDue: state.pastDue,
      scheduleStatus: {
        last: (state.lastRun ?? occurrence).toISOString(),
        next: nextOccurrence(state.schedule, occurrence).toISOString(),
        lastUpdated: now().toISOString(),
      },
    };
    state.pastDue = false;
    state.lastRun = occurrence;
    state.running = true;
    const reportError = (error: unknown): void => onError(state.definition.name, error);
    // Wrapped so a handler that throws synchronously is reported the same way as a rejection.
    Promise.resolve()
      .then(() => invoke(state.definition.name, info))
      .catch(reportError)
      .finally(() => {
        state.running = false;
      })
      .catch(reportError);
  }

  function fire(state: TimerState, occurrence: Date): void {
    if (stopped) return;
    if (state.running) {
      state.pastDue = true; // this occurrence is lost; the next run learns it was late
    } else {
      run(state, occurrence);
    }
    arm(state, occurrence);
  }

  function arm(state: TimerState, after: Date): void {
    if (stopped) return;
    // Never before `after`: a clock that lags the timer would otherwise fire one occurrence twice.
    const from = new Date(Math.max(after.getTime(), now().getTime()));
    const occurrence = nextOccurrence(state.schedule, from);
    wait(state, occurrence);
  }

  function wait(state: TimerState, occurrence: Date): void {
    const delay = occurrence.getTime() - now().getTime();
    if (delay > MAX_TIMEOUT_MS) {
      state.handle = setTimeout(() => wait(state, occurrence), MAX_TIMEOUT_MS);
    } else {
      state.handle = setTimeout(() => fire(state, occurrence), Math.max(0, delay));
    }
  }

  for (const state of states) {
    if (state.definition.runOnStartup) run(state, now());
    arm(state, now());
  }

  return {
    stop(): void {
      stopped = true;
      for (const state of states) clearTimeout(state.handle);
    },
  };
}
