import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '@shared/messages/errors';
import { HORIZON_MESSAGES } from '@shared/messages/horizons';
import { IMPORT_MESSAGES } from '@shared/messages/imports';
import { MENTOR_MESSAGES } from '@shared/messages/mentors';
import { MODEL_MESSAGES } from '@shared/messages/model';
import { PLAN_MESSAGES } from '@shared/messages/plans';
import { SHELL_MESSAGES } from '@shared/messages/shell';
import { SYNC_MESSAGES } from '@shared/messages/sync';
import { WORKBACK_MESSAGES } from '@shared/messages/workback';
import { formatMessage, isMessageRef, MESSAGES, msg } from '@shared/messages';

const placeholders = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the message catalog', () => {
  it('says the same things in both languages', () => {
    // Templates made of placeholders and a file name only are the same in every language.
    const neutral = new Set(['issue_in']);
    for (const [key, { en, zh }] of Object.entries(MESSAGES)) {
      expect(placeholders(zh), key).toEqual(placeholders(en));
      if (!neutral.has(key)) expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(en, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('calls a mentor 师父 in Chinese, the word the app uses (never 导师)', () => {
    for (const [key, { zh }] of Object.entries(MESSAGES)) expect(zh, key).not.toContain('导师');
    expect(formatMessage(msg('mentor_empty'), 'zh-CN')).toBe('师父（mentor）为空');
  });

  it('holds every part under keys of its own (no part silently overrides another)', () => {
    const parts = [
      ERROR_MESSAGES,
      HORIZON_MESSAGES,
      IMPORT_MESSAGES,
      MENTOR_MESSAGES,
      MODEL_MESSAGES,
      PLAN_MESSAGES,
      SHELL_MESSAGES,
      SYNC_MESSAGES,
      WORKBACK_MESSAGES,
    ].map((p) => Object.keys(p));
    const all = parts.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(MESSAGES).length).toBe(all.length);
  });

  it('fills in the parameters in the chosen language', () => {
    const ref = msg('stage_unknown', { value: 'closing', keys: 'need, won' });
    expect(formatMessage(ref)).toBe('stage "closing" is not a key of the stage model (need, won)');
    expect(formatMessage(ref, 'zh-CN')).toBe('阶段“closing”不是阶段模型中的键（need, won）');
    expect(formatMessage(ref, 'zh-Hans-CN')).toBe(formatMessage(ref, 'zh-CN'));
    expect(formatMessage(ref, 'de')).toBe(formatMessage(ref, 'en'));
  });

  it('renders a message given as a parameter in the same language', () => {
    const ref = msg('busy', { activity: msg('activity_import') });
    expect(formatMessage(ref, 'en')).toBe('busy: an import is running; try again when it has finished.');
    expect(formatMessage(ref, 'zh-CN')).toBe('正忙：导入正在进行，请在完成后重试。');
  });

  it('leaves a placeholder without a parameter visible rather than inventing text', () => {
    expect(formatMessage({ key: 'deal_missing', params: {} })).toBe(
      'There is no deal with id "{id}" in this workspace.',
    );
  });

  it('recognises references it can render, and only those', () => {
    expect(isMessageRef(msg('corrupt_empty'))).toBe(true);
    expect(isMessageRef({ key: 'deal_missing', params: { id: 'x' } })).toBe(true);
    expect(isMessageRef({ key: 'no_such_key' })).toBe(false);
    expect(isMessageRef({ key: 'toString' })).toBe(false);
    expect(isMessageRef({ key: 'deal_missing', params: 'x' })).toBe(false);
    expect(isMessageRef(null)).toBe(false);
  });
});
