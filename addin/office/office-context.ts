/// <reference types="office-js" />
/** The Office theme and language, read where Office offers them. */

export interface OfficeAppearance {
  dark: boolean;
  /** BCP 47, e.g. en-US or fr-FR. */
  language: string;
}

function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => ((value >> shift) & 0xff) / 255;
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

export function readAppearance(): OfficeAppearance {
  const fallbackDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
  if (typeof Office === 'undefined' || !Office.context) return { dark: fallbackDark, language: navigator.language || 'en-US' };
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const light = background ? luminance(background) : null;
  return { dark: light === null ? fallbackDark : light < 0.5, language: Office.context.displayLanguage || navigator.language || 'en-US' };
}

/** Outlook fires no theme event for mail add-ins; where a host does (and the local preview), follow it. */
export function onAppearanceChanged(listener: () => void): () => void {
  if (typeof Office === 'undefined' || !Office.context?.mailbox) return () => undefined;
  const handler = () => listener();
  try {
    Office.context.mailbox.addHandlerAsync(Office.EventType.OfficeThemeChanged, handler, () => undefined);
  } catch {
    // Not offered by this host: the theme read at start stays.
  }
  return () => {
    try {
      Office.context.mailbox.removeHandlerAsync(Office.EventType.OfficeThemeChanged, () => undefined);
    } catch {
      // Nothing registered.
    }
  };
}
