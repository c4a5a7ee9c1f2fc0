/** The pane's language (Office's display language; French or English) and its formatting. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey } from './messages-en';
import { fr } from './messages-fr';

export type Language = 'en' | 'fr';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function languageOf(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function translator(language: Language): Translate {
  const table: Record<MessageKey, string> = language === 'fr' ? fr : en;
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

interface I18n {
  language: Language;
  t: Translate;
  formatDate(iso: string | undefined): string;
  formatDateTime(iso: string | undefined): string;
  formatMoney(amount: number | undefined, currency: string | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const locale = language === 'fr' ? 'fr-FR' : 'en-US';
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      t: translator(language),
      formatDate: (iso) => (iso ? date.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : ''),
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
      formatMoney: (amount, currency) =>
        amount === undefined ? '' : new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'USD', maximumFractionDigits: 0 }).format(amount),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
