import 'i18next';
import type { en } from './en';

// Typed keys: `t('pipeline.title')` is checked against the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
