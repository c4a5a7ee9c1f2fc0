/**
 * A browser stand-in for the part of Office.js the Outlook pane uses, served instead of Microsoft's
 * office.js only inside the local preview. Same names, same enum values, same callback shapes as
 * Office.js, so the pane runs unchanged here and in Outlook. The preview shell (`preview-shell.ts`)
 * plays the mailbox: this script finds it through `window.parent` (or a dialog's opener).
 */
import { asHandler, asyncArgs, fail, OfficeErrors, realmLocal, succeed } from './standin-async';
import { createUi } from './standin-dialog';
import { itemFor, type StandinItem } from './standin-items';
import { findPreviewHost, isDialogWindow, type OfficePreviewHost, type PreviewTheme, type SendEvent } from './preview-host';

const HOST_INFO = { host: 'Outlook', platform: 'OfficeOnline' } as const;
const ITEM_CHANGED = 'olkItemSelectedChanged';
const THEME_CHANGED = 'officeThemeChanged';
/** Requirement sets the stand-in implements, with the highest minor version of each (all 1.x). */
const SUPPORTED_SETS: Record<string, number> = { mailbox: 13, dialogapi: 1 };

/** Office's ThemeId numbers: the light preview is "White", the dark one "Black". */
function officeThemeOf(theme: PreviewTheme): Record<string, unknown> {
  return theme === 'dark'
    ? { bodyBackgroundColor: '#292929', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#3d3d3d', controlForegroundColor: '#ffffff', isDarkTheme: true, themeId: 0 }
    : { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424', controlBackgroundColor: '#ffffff', controlForegroundColor: '#242424', isDarkTheme: false, themeId: 3 };
}

function isSetSupported(name: unknown, version?: unknown): boolean {
  const highest = typeof name === 'string' ? SUPPORTED_SETS[name.toLowerCase()] : undefined;
  if (highest === undefined) return false;
  if (version === undefined || version === null || version === '') return true;
  const [major, minor = '0'] = String(version).split('.');
  return major === '1' && Number(minor) <= highest;
}

function whenDomReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

type Handler = (arg: unknown) => void;

interface StandinMailbox {
  /** Replaced when the shell's selection changes, before the ItemChanged handlers run. */
  item: StandinItem | null;
  [member: string]: unknown;
}

function createMailbox(host: OfficePreviewHost | undefined, officeTheme: Record<string, unknown>) {
  const handlers = new Map<string, Handler[]>([
    [ITEM_CHANGED, []],
    [THEME_CHANGED, []],
  ]);
  const profile = host?.mailbox();
  const mailbox: StandinMailbox = {
    item: null,
    diagnostics: { hostName: 'OutlookWebApp', hostVersion: '16.0.preview', OWAView: 'ThreeColumns' },
    userProfile: { displayName: profile?.displayName ?? '', emailAddress: profile?.emailAddress ?? '', timeZone: profile?.timeZone ?? 'UTC', accountType: 'enterprise' },
    addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]): void {
      const args = asyncArgs(...rest);
      const list = typeof eventType === 'string' ? handlers.get(eventType) : undefined;
      const call = asHandler(handler);
      if (!list || !call) return fail(args, OfficeErrors.invalidParameter);
      list.push(call);
      succeed(args, undefined);
    },
    /** Removes every handler of that event type, as Outlook does. */
    removeHandlerAsync(eventType: unknown, ...rest: unknown[]): void {
      const args = asyncArgs(...rest);
      const list = typeof eventType === 'string' ? handlers.get(eventType) : undefined;
      if (!list) return fail(args, OfficeErrors.invalidParameter);
      list.length = 0;
      succeed(args, undefined);
    },
    convertToRestId: (itemId: unknown): string => String(itemId),
    convertToEwsId: (itemId: unknown): string => String(itemId),
  };
  const emit = (eventType: string, arg: unknown): void => {
    for (const handler of [...(handlers.get(eventType) ?? [])]) handler(arg);
  };
  const follow = (): Array<() => void> => {
    if (!host) return [];
    return [
      host.subscribe('itemChanged', () => {
        mailbox.item = itemFor(host);
        emit(ITEM_CHANGED, { type: ITEM_CHANGED });
      }),
      host.subscribe('themeChanged', () => {
        Object.assign(officeTheme, officeThemeOf(host.theme()));
        emit(THEME_CHANGED, { type: THEME_CHANGED, officeTheme: { ...officeTheme } });
      }),
    ];
  };
  return { mailbox, follow };
}

function createOffice(win: Window) {
  const found = findPreviewHost(win);
  const host = found ? realmLocal(found) : undefined;
  const dialog = isDialogWindow(win);
  const officeTheme = officeThemeOf(host?.theme() ?? 'light');
  const language = host?.language() ?? 'en-US';
  const { mailbox, follow } = createMailbox(host, officeTheme);

  const office = {
    HostType: { Outlook: 'Outlook', Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { ItemChanged: ITEM_CHANGED, DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived', OfficeThemeChanged: THEME_CHANGED },
    ThemeId: { Black: 0, Colorful: 1, DarkGray: 2, White: 3 },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RecipientType: { DistributionList: 'distributionList', User: 'user', ExternalUser: 'externalUser', Other: 'other' },
    },
    context: {
      host: HOST_INFO.host,
      platform: HOST_INFO.platform,
      displayLanguage: language,
      contentLanguage: language,
      officeTheme,
      diagnostics: { host: HOST_INFO.host, platform: HOST_INFO.platform, version: '16.0.preview' },
      requirements: { isSetSupported },
      mailbox,
      ui: createUi(win),
    },
    actions: {
      associate(name: unknown, handler: unknown): void {
        const call = asHandler(handler);
        if (typeof name !== 'string' || !call) throw new TypeError('Office.actions.associate(name, handler) needs a name and a function.');
        const action = (event: SendEvent): void => call(event);
        // Handed to the shell once Office is ready here, as Outlook calls handlers only then:
        // pages associate at load, before `mailbox.item` is set.
        void ready.then(() => host?.associateAction(win, name, action));
      },
    },
    onReady(callback?: unknown): Promise<typeof HOST_INFO> {
      const call = asHandler(callback);
      return ready.then((info) => {
        call?.(info);
        return info;
      });
    },
  };

  const ready = (async (): Promise<typeof HOST_INFO> => {
    await whenDomReady();
    if (host && !dialog) {
      await host.whenReady();
      mailbox.item = itemFor(host);
      const stops = follow();
      // A reloaded or closed frame must not leave listeners behind in the shell.
      win.addEventListener('pagehide', () => stops.forEach((stop) => stop()), { once: true });
    } else if (!dialog) {
      console.warn('Office stand-in: no preview shell around this page, so the mailbox is empty (item is null). Open /preview/outlook.html to use the add-in with sample items.');
    }
    const initialize: unknown = Reflect.get(office, 'initialize');
    if (typeof initialize === 'function') Reflect.apply(initialize, undefined, ['inserted']);
    return HOST_INFO;
  })();
  return office;
}

Reflect.set(window, 'Office', createOffice(window));
