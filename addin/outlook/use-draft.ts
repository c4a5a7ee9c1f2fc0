/**
 * Form state that survives a failed save, a closed pane and a reload: kept in localStorage per
 * item and form until it is saved. Only what the user typed goes there, never tokens.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'officeCrm.draft.';

function load<T>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return initial;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? { ...initial, ...(parsed as Partial<T>) } : initial;
  } catch {
    return initial;
  }
}

/** `key` names the item and the form; `clear()` after a successful save. */
export function useDraft<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, () => void] {
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => load(key, initial));
  useEffect(() => setValue(load(key, initialRef.current)), [key]);
  const update = useCallback(
    (patch: Partial<T>) =>
      setValue((current) => {
        const next = { ...current, ...patch };
        try {
          localStorage.setItem(PREFIX + key, JSON.stringify(next));
        } catch {
          // Storage full or disabled: the draft still lives in memory.
        }
        return next;
      }),
    [key],
  );
  const clear = useCallback(() => {
    localStorage.removeItem(PREFIX + key);
    setValue(initialRef.current);
  }, [key]);
  return [value, update, clear];
}

/** A key that stays the same for one submission across retries, so a retried create is done once. */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}
