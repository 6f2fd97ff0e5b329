import { describe, expect, it } from 'vitest';
import type { MergeResult } from '../../../contract/mergeContract';
import { vi } from '../../../renderer/src/i18n/vi';
import { en } from '../../../renderer/src/i18n/en';
import { mergeResultLine, type ResultPart } from '../../../renderer/src/screens/usb/mergeResultText';

const result = (over: { meetings?: Partial<MergeResult['meetings']>; people?: Partial<MergeResult['people']>; photos?: number }) =>
  ({
    changed: true,
    meetings: { added: 0, replaced: 0, keptBoth: 0, keptMine: 0, identical: 0, unresolved: 0, ...over.meetings },
    people: { added: 0, updated: 0, unresolved: 0, ...over.people },
    photoFilesCopied: over.photos ?? 0,
  }) as unknown as MergeResult;

const worder = (catalog: typeof vi) => (p: ResultPart) => catalog.usbMerge.resultPart[p.key].replace('{{n}}', String(p.n));

describe('the merge result line', () => {
  it('names only what happened, meetings then people then photos, in plain Vietnamese', () => {
    expect(mergeResultLine(result({ meetings: { added: 2 } }), worder(vi))).toBe('2 cuộc họp mới.');
    expect(
      mergeResultLine(result({ meetings: { added: 1, replaced: 1, identical: 1 }, people: { added: 3 }, photos: 4 }), worder(vi)),
    ).toBe(
      '1 cuộc họp mới, 1 cuộc họp lấy bản trong gói, 1 cuộc họp đã có sẵn; 3 người mới trong danh bạ; 4 tệp ảnh đã chép và kiểm tra.',
    );
    expect(mergeResultLine(result({ people: { updated: 1 } }), worder(en))).toBe('1 people updated.');
    for (const line of [
      mergeResultLine(result({ meetings: { added: 2 } }), worder(vi)),
      mergeResultLine(result({ photos: 9 }), worder(vi)),
    ]) {
      expect(line).not.toMatch(/(^|\D)0 /);
    }
    expect(mergeResultLine(result({}), worder(vi))).toBe('');
  });
});
