import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@shared/contract';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** First start follows the system: any Chinese variant → zh-CN, everything else → en. */
export function systemLanguage(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  const first = languages.find((l) => typeof l === 'string' && l.length > 0) ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * One i18next instance per app (not the global singleton) so tests and windows stay
 * isolated. Resources are bundled, so initialisation is synchronous: the first render
 * already has its texts and no key flashes.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes output itself; escaping here would double-escape names like "R&D".
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key is a bug the key-parity test catches; in production it must not
    // spam the console, so i18next's own debug logging stays off.
    debug: false,
  });
  return instance;
}
