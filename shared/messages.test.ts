import { describe, expect, it } from 'vitest';
import { interpolate, messageFor, remediationFor, ruleSources, ruleTitle } from './messages';
import { RULE_IDS } from './model';

describe('messages', () => {
  it('interpolates, preferring a per-language param', () => {
    expect(interpolate('{a} / {note}', { a: 1, note: 'plain', note_ja: '注記' }, 'ja')).toBe('1 / 注記');
    expect(interpolate('{a} / {note}', { a: 1, note: 'plain', note_ja: '注記' }, 'en')).toBe('1 / plain');
    expect(interpolate('{missing}', {}, 'en')).toBe('{missing}');
  });

  it('speaks both languages', () => {
    const check = { code: 'agent.version.too-old', params: { agentVersion: '2.0.800.0', minimum: '2.0.834.0' } };
    expect(messageFor(check, 'en')).toBe('SSM Agent 2.0.800.0 is older than the minimum 2.0.834.0.');
    expect(messageFor(check, 'ja')).toBe('SSM Agent 2.0.800.0 は最低バージョン 2.0.834.0 より古いです。');
    expect(remediationFor(check, 'en')).toMatch(/AWS-UpdateSSMAgent/);
    expect(remediationFor({ code: 'node.online', params: {} }, 'en')).toBeUndefined();
  });

  it('falls back to the code for a code this build does not know', () => {
    expect(messageFor({ code: 'future.rule', params: {} }, 'en')).toBe('future.rule');
    expect(messageFor({ code: 'constructor', params: {} }, 'en')).toBe('constructor');
    expect(remediationFor({ code: 'future.rule', params: {} }, 'ja')).toBeUndefined();
  });

  it('titles every rule in both languages and cites the seed rules', () => {
    for (const rule of RULE_IDS) {
      expect(ruleTitle(rule, 'en')).toMatch(/\w/);
      expect(ruleTitle(rule, 'ja')).not.toBe(ruleTitle(rule, 'en'));
    }
    expect(ruleSources('os.greengrass')).toEqual(['P5', 'P7']);
    expect(ruleSources('agent.windows2008')).toEqual(['P6']);
    expect(ruleSources('patch.compliant')).toEqual([]);
  });
});
