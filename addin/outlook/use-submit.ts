/**
 * The life of a save in a pane form: busy while it runs, the error when it fails, and a retry
 * that repeats exactly the action that failed (never another one).
 */
import { useCallback, useRef, useState } from 'react';

export interface Submission {
  busy: boolean;
  error: unknown;
  /** Runs `action`; `retryable(error)` false leaves no retry (e.g. a conflict already reloaded). */
  run(action: () => Promise<void>, retryable?: (error: unknown) => boolean): Promise<void>;
  /** Repeats the last failed action; undefined when there is nothing to repeat. */
  retry: (() => void) | undefined;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<{ action: () => Promise<void> } | null>(null);
  const running = useRef(false);

  const run = useCallback(async (action: () => Promise<void>, retryable: (error: unknown) => boolean = () => true) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    setFailed(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
      if (retryable(failure)) setFailed({ action });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const retry = failed ? () => void run(failed.action) : undefined;
  return { busy, error, run, retry };
}
