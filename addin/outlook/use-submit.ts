/**
 * The life of a save in a pane form: busy while it runs, the error when it fails, and a retry
 * that repeats the action that failed (never another one) with what the form holds NOW: actions
 * are registered by name at every render, so a retry after the user edited sends the edit.
 */
import { useCallback, useRef, useState } from 'react';

type Action = () => Promise<void>;

export interface Submission {
  busy: boolean;
  error: unknown;
  /**
   * Registers `action` under `name` (call it during render) and answers its trigger.
   * `retryable(error)` false leaves no retry (e.g. a conflict that reloaded the view).
   */
  action(name: string, action: Action, retryable?: (error: unknown) => boolean): () => void;
  /** Repeats the last failed action (its current version); undefined when there is nothing to repeat. */
  retry: (() => void) | undefined;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const actions = useRef(new Map<string, { run: Action; retryable: (error: unknown) => boolean }>());
  const running = useRef(false);

  const perform = useCallback(async (name: string) => {
    const registered = actions.current.get(name);
    if (!registered || running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    setFailed(null);
    try {
      await registered.run();
    } catch (failure) {
      setError(failure);
      if (registered.retryable(failure)) setFailed(name);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const action = (name: string, run: Action, retryable: (error: unknown) => boolean = () => true) => {
    actions.current.set(name, { run, retryable });
    return () => void perform(name);
  };

  return { busy, error, action, retry: failed ? () => void perform(failed) : undefined };
}
