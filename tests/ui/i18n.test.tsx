import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { systemLanguage } from '../../src/renderer/src/i18n';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) =>
    typeof v === 'object' && v !== null ? values(v as object) : [v as string],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('every text is non-empty and uses the same placeholders in both languages', () => {
    for (const v of [...values(en), ...values(zhCN)]) expect(v.trim()).not.toBe('');
    const zh = new Map(
      keys(zhCN).map((k) => [
        k,
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN) as string,
      ]),
    );
    for (const k of keys(en)) {
      const text = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string;
      expect(placeholders(zh.get(k)!), k).toEqual(placeholders(text));
    }
  });

  it('calls a mentor 师父 in Chinese, as the backend messages do (never 导师)', () => {
    for (const v of values(zhCN)) expect(v).not.toContain('导师');
    expect(zhCN.mentors.mentor).toBe('师父');
  });

  it('first start follows the system language', () => {
    expect(systemLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(systemLanguage(['zh'])).toBe('zh-CN');
    expect(systemLanguage(['de-DE', 'zh-CN'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
