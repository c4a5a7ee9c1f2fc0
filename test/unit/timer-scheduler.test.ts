import { startTimers, type TimerInfo } from '../../local/host/timer-scheduler';
import { AppError } from '../../shared/domain/errors';

const EVERY_SECOND = '* * * * * *';

interface Call {
  name: string;
  at: string;
  info: TimerInfo;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('timer scheduler', () => {
  let calls: Call[];

  beforeEach(() => {
    // Modern fake timers also drive Date, so the scheduler's default clock follows them.
    jest.useFakeTimers({ now: new Date('2024-03-10T10:00:00.500Z') });
    calls = [];
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function recorder(work: (call: Call) => Promise<void> = async () => undefined) {
    return async (name: string, info: TimerInfo): Promise<void> => {
      const call = { name, at: new Date().toISOString(), info };
      calls.push(call);
      await work(call);
    };
  }

  it('runs on the schedule and reports the previous and next occurrences', async () => {
    const timers = startTimers([{ name: 'tick', schedule: '*/2 * * * * *' }], recorder());
    await jest.advanceTimersByTimeAsync(4000);
    timers.stop();

    expect(calls.map((call) => call.at)).toEqual(['2024-03-10T10:00:02.000Z', '2024-03-10T10:00:04.000Z']);
    expect(calls[1]?.info).toEqual({
      isPastDue: false,
      scheduleStatus: {
        last: '2024-03-10T10:00:02.000Z',
        next: '2024-03-10T10:00:06.000Z',
        lastUpdated: '2024-03-10T10:00:04.000Z',
      },
    });
  });

  it('never overlaps runs of one timer: a busy occurrence is skipped and the next run is past due', async () => {
    let active = 0;
    let maxActive = 0;
    const timers = startTimers(
      [{ name: 'slow', schedule: EVERY_SECOND }],
      recorder(async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(2500);
        active--;
      }),
    );
    await jest.advanceTimersByTimeAsync(10_000);
    timers.stop();

    expect(maxActive).toBe(1);
    // Runs at :01 (busy until :03.5), :04 (busy until :06.5), :07, :10; the seconds between are skipped.
    expect(calls.map((call) => [call.at.slice(17, 19), call.info.isPastDue])).toEqual([
      ['01', false],
      ['04', true],
      ['07', true],
      ['10', true],
    ]);
  });

  it('keeps the schedule after failures and reports each one', async () => {
    const errors: Array<[string, unknown]> = [];
    let count = 0;
    const invoke = (name: string, info: TimerInfo): Promise<void> => {
      calls.push({ name, at: new Date().toISOString(), info });
      count++;
      if (count === 1) throw new Error('thrown synchronously');
      if (count === 2) return Promise.reject(new Error('rejected'));
      return Promise.resolve();
    };
    const timers = startTimers([{ name: 'flaky', schedule: EVERY_SECOND }], invoke, {
      onError: (name, error) => errors.push([name, error]),
    });
    await jest.advanceTimersByTimeAsync(3000);
    timers.stop();

    expect(calls).toHaveLength(3);
    expect(errors.map(([name, error]) => [name, (error as Error).message])).toEqual([
      ['flaky', 'thrown synchronously'],
      ['flaky', 'rejected'],
    ]);
  });

  it('runs a runOnStartup timer at once, then on its schedule', async () => {
    const timers = startTimers([{ name: 'boot', schedule: '0 0 * * * *', runOnStartup: true }], recorder());
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => [call.at, call.info.isPastDue])).toEqual([['2024-03-10T10:00:00.500Z', false]]);

    await jest.advanceTimersByTimeAsync(60 * 60 * 1000);
    timers.stop();
    expect(calls.map((call) => call.at)).toEqual(['2024-03-10T10:00:00.500Z', '2024-03-10T11:00:00.000Z']);
  });

  it('keeps timers independent: a slow one does not delay another', async () => {
    const timers = startTimers(
      [
        { name: 'slow', schedule: EVERY_SECOND },
        { name: 'fast', schedule: EVERY_SECOND },
      ],
      recorder(async (call) => {
        if (call.name === 'slow') await sleep(5000);
      }),
    );
    await jest.advanceTimersByTimeAsync(3000);
    timers.stop();
    expect(calls.filter((call) => call.name === 'fast')).toHaveLength(3);
    expect(calls.filter((call) => call.name === 'slow')).toHaveLength(1);
  });

  it('leaves no timer behind after stop(), so the process can exit', async () => {
    const timers = startTimers([{ name: 'a', schedule: EVERY_SECOND }, { name: 'b', schedule: '0 0 0 1 1 *' }], recorder());
    expect(jest.getTimerCount()).toBe(2);
    timers.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(0);
  });

  it('uses the clock it is given', async () => {
    // The injected clock runs a day ahead of the timers: occurrences are computed from it.
    const offset = 24 * 60 * 60 * 1000;
    const timers = startTimers([{ name: 'tick', schedule: '*/30 * * * * *' }], recorder(), {
      now: () => new Date(Date.now() + offset),
    });
    await jest.advanceTimersByTimeAsync(30_000);
    timers.stop();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.info.scheduleStatus.last).toBe('2024-03-11T10:00:30.000Z');
  });

  it('refuses to start with an invalid schedule, naming the field', () => {
    expect(() => startTimers([{ name: 'bad', schedule: '0 0 25 * * *' }], recorder())).toThrow(AppError);
    expect(() => startTimers([{ name: 'bad', schedule: '0 0 25 * * *' }], recorder())).toThrow(/hour field/);
    expect(jest.getTimerCount()).toBe(0);
  });
});
