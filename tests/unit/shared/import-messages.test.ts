import { describe, expect, it } from 'vitest';
import {
  formatImportMessage,
  IMPORT_MESSAGES,
  type ImportMessageCode,
} from '../../../src/shared/import-messages';

const placeholders = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('import messages', () => {
  it('say the same things in both languages', () => {
    for (const [code, { en, zh }] of Object.entries(IMPORT_MESSAGES)) {
      expect(placeholders(zh), code).toEqual(placeholders(en));
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fill in the parameters in the chosen language', () => {
    const code: ImportMessageCode = 'stage_unknown';
    expect(formatImportMessage(code, { value: 'closing', keys: 'need, won' })).toBe(
      'stage "closing" is not a key of the stage model (need, won)',
    );
    expect(formatImportMessage(code, { value: 'closing', keys: 'need, won' }, 'zh-CN')).toBe(
      '阶段“closing”不是阶段模型中的键（need, won）',
    );
  });
});
