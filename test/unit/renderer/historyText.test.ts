import { describe, expect, it } from 'vitest';
import { knownField, verbOf, visibleChanges } from '../../../renderer/src/screens/meetings/record/historyText';
import { vi as viMessages } from '../../../renderer/src/i18n/vi';

describe('history entries in words', () => {
  it('names the verbs of parts, of the record and of a USB merge', () => {
    expect(verbOf('conclusions.add')).toBe('add');
    expect(verbOf('finalize')).toBe('finalize');
    expect(verbOf('merge.theirs')).toBe('merge-theirs');
    expect(verbOf('merge.new')).toBe('merge-new');
    expect(verbOf('export')).toBe('export');
    expect(viMessages.history.verb.export).toBe('Xuất ra USB');
    expect(verbOf('something.unheard-of')).toBeNull();
    for (const v of ['merge-new', 'merge-theirs', 'merge-both', 'merge-mine'] as const) {
      expect(viMessages.history.verb[v]).toMatch(/^Nhập từ USB/);
    }
  });

  it('hides the bookkeeping a merge keeps (hashes, the bag id) but shows which bag it came from', () => {
    const shown = visibleChanges([
      { field: 'contentHash', before: null, after: 'ab12' },
      { field: 'bagId', before: null, after: 'x' },
      { field: 'bag', before: null, after: 'hoso-2026-11-20' },
      { field: 'title', before: 'Cũ', after: 'Mới' },
    ]).map((c) => c.field);
    expect(shown).toEqual(['bag', 'title']);
    expect(knownField('bag')).toBe('bag');
  });
});
