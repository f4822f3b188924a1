import { enEnums, enWords } from './en';
import type { EnumWords } from './enum-words';
import { zhEnums, zhWords } from './zh';

/** The console's dictionaries, one per language (zh.ts, en.ts): Chinese first (the default), then English. */
export const MESSAGES = { zh: zhWords, en: enWords } as const;
export const ENUMS: Record<Lang, EnumWords> = { zh: zhEnums, en: enEnums };

export type Lang = keyof typeof MESSAGES;
export type MessageKey = keyof typeof zhWords;
