import { createContext, useContext } from 'react';
import type { EnumName, EnumWords } from './enum-words';
import { ENUMS, MESSAGES, type Lang, type MessageKey } from './messages';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey) => string;
  /** An API enum value in words (`te('UnitStatus', 'FITTING_OUT')` → 装修); never the raw constant on screen. */
  te: <E extends EnumName>(name: E, value: keyof EnumWords[E] | string | null | undefined) => string;
}

export const translate = (lang: Lang, key: MessageKey): string => MESSAGES[lang][key];

export const translateEnum = (lang: Lang, name: EnumName, value: string | null | undefined): string =>
  value == null ? '—' : ((ENUMS[lang][name] as Record<string, string>)[value] ?? '—');

export function i18nFor(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return {
    lang,
    setLang,
    t: (key) => translate(lang, key),
    te: (name, value) => translateEnum(lang, name, value as string | null | undefined),
  };
}

export const I18nContext = createContext<I18n>(i18nFor('zh', () => undefined));

export const useI18n = (): I18n => useContext(I18nContext);
