// English and Hindi for every string of the UI. Each app passes its own
// catalogue (the same keys in both languages, checked by TypeScript);
// the shopper's choice is remembered in localStorage and set on <html lang>.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatPaise, formatCount, type DateStyle, type Locale } from './format';

export type Catalogue<K extends string> = Record<Locale, Record<K, string>>;

const LANG_KEY = 'purra.lang';

export function storedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'hi' ? 'hi' : 'en';
  } catch {
    return 'en';
  }
}

/** Replaces {name} placeholders; a missing value is left visible rather than silently dropped. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export type I18n<K extends string> = {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: K, params?: Record<string, string | number>): string;
  money(paise: number): string;
  date(iso: string, style?: DateStyle): string;
  count(n: number): string;
};

export function createI18n<K extends string>(catalogue: Catalogue<K>) {
  const Ctx = createContext<I18n<K> | null>(null);

  function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
    const [locale, setLocaleState] = useState<Locale>(initial ?? storedLocale());
    useEffect(() => {
      document.documentElement.lang = locale;
    }, [locale]);
    const setLocale = useCallback((l: Locale) => {
      globalThis.localStorage?.setItem(LANG_KEY, l);
      setLocaleState(l);
    }, []);
    const value = useMemo<I18n<K>>(
      () => ({
        locale,
        setLocale,
        t: (key, params) => interpolate(catalogue[locale][key] ?? catalogue.en[key] ?? key, params),
        money: (p) => formatPaise(p, locale),
        date: (iso, style) => formatDate(iso, locale, style),
        count: (n) => formatCount(n, locale),
      }),
      [locale, setLocale],
    );
    return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
  }

  function useI18n(): I18n<K> {
    const v = useContext(Ctx);
    if (!v) throw new Error('useI18n outside I18nProvider');
    return v;
  }

  return { I18nProvider, useI18n };
}
