import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from './api';

export type Lang = 'zh-CN' | 'en-US';

interface LocaleValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Pick the string for the current language: Simplified Chinese first, English second. */
  tr: (zh: string, en: string) => string;
  en: boolean;
}

const STORAGE_KEY = 'gonghui.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    /* private mode */
  }
  return 'zh-CN';
}

const LocaleContext = createContext<LocaleValue | null>(null);

function apply(lang: Lang) {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    apply(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    apply(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
    setLangState(l);
  }, []);
  const value = useMemo<LocaleValue>(() => ({ lang, setLang, en: lang === 'en-US', tr: (zh, en) => (lang === 'en-US' ? en : zh) }), [lang, setLang]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}
