import { createContext, useContext } from 'react';
import { MESSAGES, type Lang } from './messages';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: string) => string;
}

export const translate = (lang: Lang, key: string): string =>
  (MESSAGES[lang] as Record<string, string>)[key] ?? key;

export const I18nContext = createContext<I18n>({
  lang: 'zh',
  setLang: () => undefined,
  t: (key) => translate('zh', key),
});

export const useI18n = (): I18n => useContext(I18nContext);
