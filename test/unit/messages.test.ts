import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vi } from '../../contract/messages/vi';
import { en } from '../../contract/messages/en';
import { decodeMessage, literal, msg } from '../../contract/messages/message';
import { translate } from '../../contract/messages/translate';
import { issueMessages } from '../../contract/messages/zodIssues';
import { ERROR_CODES, errorText, HosoError, toErrorPayload } from '../../contract/errors';
import { CHANNELS, contract } from '../../contract/contract';
import { genericBadValues, leaves, sampleValid, withLeaf, type SampleHints } from '../helpers/fuzzPayloads';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const viTexts = flatten(vi);
const enTexts = flatten(en as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

describe('the message catalogs (contract/messages)', () => {
  it('have the same keys in Vietnamese and English, no empty text, the same placeholders', () => {
    expect([...enTexts.keys()].sort()).toEqual([...viTexts.keys()].sort());
    for (const [key, text] of viTexts) {
      expect(text.trim(), key).not.toBe('');
      expect(enTexts.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(enTexts.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('word every error code in both languages; the English text is not Vietnamese', () => {
    for (const code of ERROR_CODES) {
      expect(viTexts.get(`errors.${code}`), code).toBeTruthy();
      expect(enTexts.get(`errors.${code}`), code).toBeTruthy();
      // Names are Vietnamese in both (the product, a classification level); the sentence around them is not.
      expect(enTexts.get(`errors.${code}`)!.replace(/Hồ sơ Hội nghị|Mật/g, ''), code).not.toMatch(
        VIETNAMESE_LETTER,
      );
    }
  });

  it('fill parameters, group numbers the way each language does, and word nested messages', () => {
    const m = msg('input.tooLong', { field: msg('field.meetingTitle'), max: 2000 });
    expect(translate('vi', m)).toBe('Tên cuộc họp quá dài (tối đa 2.000 ký tự).');
    expect(translate('en', m)).toBe('Meeting title is too long (at most 2,000 characters).');
    expect(translate('en', literal('D:\\hoso\\archive.sqlite'))).toBe('(D:\\hoso\\archive.sqlite)');
    // A key from a newer version shows as itself, never as nothing.
    expect(translate('en', { key: 'errors.FROM_THE_FUTURE' as never })).toBe('errors.FROM_THE_FUTURE');
  });

  it('an error carries its code and details; the UI words it in either language, the CLI reads Vietnamese', () => {
    const e = new HosoError('DUPLICATE_DOCUMENT', literal('15-NQ/TW'));
    expect(e.message).toBe(`${vi.errors.DUPLICATE_DOCUMENT} (15-NQ/TW)`);
    const payload = toErrorPayload(e);
    expect(payload).toEqual({
      code: 'DUPLICATE_DOCUMENT',
      message: e.message,
      details: [literal('15-NQ/TW')],
    });
    expect(errorText(payload, 'vi')).toBe(e.message);
    expect(errorText(payload, 'en')).toBe(`${en.errors.DUPLICATE_DOCUMENT} (15-NQ/TW)`);
  });
});

describe('zod issues as messages', () => {
  it('word the issues zod raises itself in both languages, naming the field', () => {
    const schema = z
      .object({ rank: z.string().max(3), limit: z.number().int().min(1), kind: z.enum(['a', 'b']) })
      .strict();
    const r = schema.safeParse({ rank: 'Đại tướng', limit: 0.5, kind: 'c', extra: 1 });
    const messages = issueMessages(r.error!.issues);
    const viText = messages.map((m) => translate('vi', m)).join(' ');
    const enText = messages.map((m) => translate('en', m)).join(' ');
    expect(viText).toContain('Cấp bậc quá dài (tối đa 3 ký tự).');
    expect(viText).toContain('limit phải là số nguyên.');
    expect(viText).toContain('Loại cuộc họp: giá trị không nằm trong danh sách cho phép.');
    expect(viText).toContain('Có trường không được hỗ trợ: extra.');
    expect(enText).toContain('Rank is too long (at most 3 characters).');
    expect(viText).not.toMatch(/expected|Invalid|Too (big|small)/);
  });

  it('report at most five issues of a payload, without repeats', () => {
    const schema = z.array(z.string().max(1)).max(1000);
    const r = schema.safeParse(Array.from({ length: 1000 }, (_, i) => `${i}xx`));
    expect(issueMessages(r.error!.issues).length).toBeLessThanOrEqual(5);
  });

  /**
   * Every check the contract's schemas make carries a message from the catalogs (or is one of zod's own,
   * worded from its code): none holds a sentence of its own, which the English UI could not translate.
   */
  it('every channel: each issue its schema raises is a catalog message or one of zod’s own', () => {
    const hints: SampleHints = { id: () => undefined, version: () => 1 };
    let issues = 0;
    for (const channel of CHANNELS) {
      const schema = contract[channel].input as z.ZodType;
      const base = sampleValid(schema, channel, hints);
      const payloads: unknown[] = [null, 'x', 42, [], { unexpected: true }];
      for (const leaf of leaves(base).filter((l) => l.path.length > 0)) {
        for (const bad of genericBadValues(null)) payloads.push(withLeaf(base, leaf.path, bad.value));
        payloads.push(withLeaf(base, leaf.path, 'x'.repeat(5_000_001)));
      }
      for (const payload of payloads) {
        const r = schema.safeParse(payload);
        if (r.success) continue;
        for (const i of r.error.issues) {
          issues++;
          const own = decodeMessage(i.message) !== null;
          expect(
            own || !VIETNAMESE_LETTER.test(i.message),
            `${channel} ${i.path.join('.')}: ${i.message}`,
          ).toBe(true);
        }
        for (const m of issueMessages(r.error.issues))
          expect(translate('vi', m), channel).not.toMatch(/^\{"key"/);
      }
    }
    expect(issues).toBeGreaterThan(1000);
  });
});
