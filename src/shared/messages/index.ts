import { ERROR_MESSAGES } from './errors';
import { HORIZON_MESSAGES } from './horizons';
import { IMPORT_MESSAGES, type ImportMessageKey } from './imports';
import { MENTOR_MESSAGES } from './mentors';
import { MODEL_MESSAGES } from './model';
import { PLAN_MESSAGES } from './plans';
import { SHELL_MESSAGES } from './shell';
import { SYNC_MESSAGES } from './sync';
import { WORKBACK_MESSAGES } from './workback';

/**
 * The one message catalog: every sentence the backend, the shell or an import can show a
 * person is a key with parameters, rendered here in the person's language (zh-CN or en).
 * The app renders in the UI language, the shell in the system's, the CLI in English.
 * Placeholders are `{name}`; both languages of a key use the same names (a test checks).
 */
export const MESSAGES = {
  ...ERROR_MESSAGES,
  ...HORIZON_MESSAGES,
  ...IMPORT_MESSAGES,
  ...MENTOR_MESSAGES,
  ...MODEL_MESSAGES,
  ...PLAN_MESSAGES,
  ...SHELL_MESSAGES,
  ...SYNC_MESSAGES,
  ...WORKBACK_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type { ImportMessageKey };

/** A parameter is plain text, a number, or another message rendered in the same language. */
export type MessageParam = string | number | MessageRef;
export type MessageParams = Record<string, MessageParam>;

/** A message to show: its key and parameters, rendered where the person's language is known. */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

/** The placeholder names of a template: `'{a} and {b}'` → `'a' | 'b'`. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof MESSAGES)[K]['en']>, MessageParam>;

/** `msg('deal_missing', { id })`: the compiler checks the parameter names against the English text. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: [Placeholders<(typeof MESSAGES)[K]['en']>] extends [never] ? [] : [ParamsOf<K>]
): MessageRef {
  return params[0] ? { key, params: params[0] } : { key };
}

export const isChinese = (language: string): boolean => language.toLowerCase().startsWith('zh');

/** The message in `language` (`zh…` → Chinese, anything else English), placeholders filled in. */
export function formatMessage(ref: MessageRef, language = 'en'): string {
  const entry = MESSAGES[ref.key] as { en: string; zh: string } | undefined;
  // A key from a newer backend than this page knows: say what we can rather than nothing.
  if (!entry) return ref.key;
  const template = isChinese(language) ? entry.zh : entry.en;
  const params = ref.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? formatMessage(value, language) : String(value);
  });
}

/** Whether a value received over a wire is a message reference this catalog can render. */
export function isMessageRef(value: unknown): value is MessageRef {
  if (typeof value !== 'object' || value === null) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  return (
    typeof key === 'string' &&
    Object.hasOwn(MESSAGES, key) &&
    (params === undefined || (typeof params === 'object' && params !== null))
  );
}
