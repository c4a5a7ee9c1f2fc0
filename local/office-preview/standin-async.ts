/**
 * Office.js's asynchronous calling convention: `method(...args, options?, callback?)`, where
 * `options.asyncContext` comes back in the result, and the callback always runs later (never
 * inside the call) with `{ status, value, error, asyncContext }`.
 */

export interface StandinError {
  code: number;
  name: string;
  message: string;
}

export interface StandinAsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error: StandinError | undefined;
  asyncContext: unknown;
  diagnostics: unknown;
}

/** Thrown inside `run` to report an Office error instead of a generic one. */
export class StandinFailure extends Error {
  constructor(readonly officeError: StandinError) {
    super(officeError.message);
    this.name = 'StandinFailure';
  }
}

export type AsyncCallback = (result: StandinAsyncResult<unknown>) => void;

export interface AsyncArgs {
  options: Record<string, unknown>;
  callback: AsyncCallback | undefined;
}

/**
 * Errors as Outlook names them. The dialog codes (12005–12011) are Office's documented numbers;
 * the 9000-range numbers of the mailbox errors are approximations, so pages should test `name`.
 */
export const OfficeErrors = {
  invalidParameter: { code: 9031, name: 'InvalidParameterValueError', message: 'The value of a parameter is not valid.' },
  itemChanged: { code: 9030, name: 'APICallFailedDueToItemChange', message: 'The selected item changed before the call completed.' },
  itemNotSaved: { code: 9046, name: 'ItemNotSaved', message: 'The ID cannot be retrieved until the item is saved.' },
  dialogUserClosed: { code: 12006, name: 'Dialog closed', message: 'The dialog box was closed by the user.' },
  dialogAlreadyOpen: { code: 12007, name: 'Dialog already opened', message: 'A dialog box is already opened from this add-in.' },
  dialogNotHttps: { code: 12005, name: 'Dialog URL', message: 'The URL passed to displayDialogAsync uses the HTTP protocol. HTTPS is required.' },
  dialogBlocked: { code: 12011, name: 'Popup blocked', message: 'The browser blocked the dialog window. Open it from a click of the user.' },
} as const satisfies Record<string, StandinError>;

/** A function the page passed (callback, event handler), called with one argument. */
export function asHandler(value: unknown): ((arg: unknown) => void) | undefined {
  if (typeof value !== 'function') return undefined;
  return (arg) => {
    Reflect.apply(value, undefined, [arg]);
  };
}

export function asCallback(value: unknown): AsyncCallback | undefined {
  return asHandler(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the trailing `(options?, callback?)` of an Office call, in whichever of its forms. */
export function asyncArgs(...rest: unknown[]): AsyncArgs {
  const [first, second] = rest;
  if (typeof first === 'function') return { options: {}, callback: asCallback(first) };
  return { options: isRecord(first) ? first : {}, callback: asCallback(second) };
}

function deliver(callback: AsyncCallback | undefined, result: StandinAsyncResult<unknown>): void {
  if (!callback) return;
  setTimeout(() => callback(result), 0);
}

export function succeed(args: AsyncArgs, value: unknown): void {
  deliver(args.callback, { status: 'succeeded', value, error: undefined, asyncContext: args.options.asyncContext, diagnostics: undefined });
}

export function fail(args: AsyncArgs, error: StandinError): void {
  deliver(args.callback, { status: 'failed', value: undefined, error: { ...error }, asyncContext: args.options.asyncContext, diagnostics: undefined });
}

/**
 * Runs `work` and reports its value, or a failure. A throw of the host means the item went away
 * (it was sent, or the selection moved on), which Outlook reports as an item change.
 */
export function run(args: AsyncArgs, work: () => unknown): void {
  let value: unknown;
  try {
    value = work();
  } catch (error) {
    fail(args, error instanceof StandinFailure ? error.officeError : OfficeErrors.itemChanged);
    return;
  }
  succeed(args, value);
}

/** A copy made in this window, from data that may belong to another window. */
export function ownCopy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/**
 * The host seen through copies: every value it returns is re-made in this window, so the page's
 * `instanceof Array` and `Array.prototype` methods behave. Promises (whenReady) pass as they are.
 */
export function realmLocal<T extends object>(host: T): T {
  return new Proxy(host, {
    get(target, key) {
      const member: unknown = Reflect.get(target, key);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]): unknown => {
        const result: unknown = Reflect.apply(member, target, args);
        const passAsIs = typeof result === 'function' || (typeof result === 'object' && result !== null && 'then' in result);
        return passAsIs ? result : ownCopy(result);
      };
    },
  });
}
