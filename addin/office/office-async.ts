/// <reference types="office-js" />
/**
 * Office.js reports through callbacks with `{ status, value, error }`. Everything in addin/ sees
 * promises instead; a failure becomes an OfficeError (never a throw inside Office's callback).
 */
export class OfficeError extends Error {
  constructor(
    readonly code: number | string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeError';
  }
}

export function fromAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new OfficeError(result.error?.code ?? 'unknown', result.error?.message ?? 'Office could not complete the request.'));
      });
    } catch (error) {
      reject(error instanceof Error ? new OfficeError('exception', error.message) : new OfficeError('exception', String(error)));
    }
  });
}

/** Office.js present and initialised (the pane also renders in a plain browser, where it is not). */
export function officeReady(timeoutMs = 10000): Promise<boolean> {
  if (typeof Office === 'undefined') return Promise.resolve(false);
  return Promise.race([
    Office.onReady().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
}

export function supportsMailbox(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('Mailbox', version) === true;
}
