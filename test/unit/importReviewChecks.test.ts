import { describe, expect, it } from 'vitest';
import type { ImportDraft, ImportPreview } from '../../contract/importContract';
import { msg } from '../../contract/messages/message';
import {
  badDeadlinesOf,
  initialReview,
  problemsOf,
  toReviewedDraft,
  type ReviewState,
} from '../../renderer/src/screens/import/reviewState';
import {
  checkTargetOf,
  unsureEntriesOf,
  unsureMarkIds,
} from '../../renderer/src/screens/import/unsureFields';

const KINDS = ['Hội nghị', 'Cuộc họp'];
const span = { start: 0, end: 1 };

/** A draft as the extractor gives it, with only what these tests look at filled in. */
function draft(over: Partial<ImportDraft>): ImportDraft {
  return {
    sourceName: 'dán',
    encoding: 'utf-8',
    contentHash: 'h',
    sourceText: 'x',
    title: { value: 'Hội nghị giao ban quý III', span },
    kind: null,
    date: null,
    location: null,
    chairs: [],
    attendees: [],
    captions: [],
    documentRefs: [],
    conclusions: [],
    issuer: null,
    byline: null,
    body: [],
    images: [],
    notes: [],
    unsure: [],
    ...over,
  };
}
const previewOf = (d: ImportDraft): ImportPreview => ({
  draft: d,
  chairMatches: [],
  attendeeMatches: [],
  duplicate: null,
});

describe('a directive with a deadline is offered as a task, never made one silently', () => {
  const d = draft({
    conclusions: [
      { text: 'Tổng kết công tác dân vận.', span, deadline: null, deadlineText: null },
      {
        text: 'Giao Phòng Tham mưu hoàn thành kế hoạch trước ngày 31/12/2026.',
        span,
        deadline: '2026-12-31',
        deadlineText: 'trước ngày 31/12/2026',
      },
    ],
  });

  it('starts unticked with the deadline as dd/mm/yyyy; untouched, both are saved as plain conclusions', () => {
    const s = initialReview(previewOf(d), KINDS);
    expect(s.conclusions.map((c) => c.value)).toEqual([
      { text: 'Tổng kết công tác dân vận.', deadline: null, deadlineText: null, asTask: false },
      {
        text: 'Giao Phòng Tham mưu hoàn thành kế hoạch trước ngày 31/12/2026.',
        deadline: '31/12/2026',
        deadlineText: 'trước ngày 31/12/2026',
        asTask: false,
      },
    ]);
    expect(toReviewedDraft(s).conclusions).toEqual([
      'Tổng kết công tác dân vận.',
      'Giao Phòng Tham mưu hoàn thành kế hoạch trước ngày 31/12/2026.',
    ]);
  });

  it('ticked, it is sent with the deadline the clerk left or corrected; an unreadable one stops the save', () => {
    const s0 = initialReview(previewOf(d), KINDS);
    const tick = (s: ReviewState, deadline: string): ReviewState => ({
      ...s,
      conclusions: s.conclusions.map((c, i) =>
        i === 1 ? { ...c, value: { ...c.value, asTask: true, deadline } } : c,
      ),
    });
    expect(toReviewedDraft(tick(s0, '31/12/2026')).conclusions![1]).toEqual({
      text: 'Giao Phòng Tham mưu hoàn thành kế hoạch trước ngày 31/12/2026.',
      task: { deadline: '2026-12-31' },
    });
    expect(toReviewedDraft(tick(s0, '15/1/2027')).conclusions![1]).toMatchObject({
      task: { deadline: '2027-01-15' },
    });
    const bad = tick(s0, '31/12');
    expect(badDeadlinesOf(bad)).toEqual([1]);
    expect(problemsOf(bad)).toContain('deadline');
    // Discarded, its deadline no longer matters.
    const discarded = {
      ...bad,
      conclusions: bad.conclusions.map((c, i) => (i === 1 ? { ...c, keep: false } : c)),
    };
    expect(problemsOf(discarded)).not.toContain('deadline');
    expect(toReviewedDraft(discarded).conclusions).toEqual(['Tổng kết công tác dân vận.']);
  });
});

describe('what the importer was unsure of, for the clerk to check first', () => {
  it('in the order of the review, with the draft’s own note where it has one, and where to check it', () => {
    const d = draft({
      unsure: ['chairs', 'date', 'issuer', 'title'],
      issuer: { value: 'Ban Thường vụ Huyện ủy', span },
      notes: [
        msg('importNote.titleFromFirstSentence'),
        msg('importNote.yearInferred', { day: 9, month: 4, year: '2025' }),
        msg('importNote.noChair'),
      ],
    });
    expect(unsureEntriesOf(d)).toEqual([
      { field: 'title', note: msg('importNote.titleFromFirstSentence'), target: 'import-check-title' },
      {
        field: 'date',
        note: msg('importNote.yearInferred', { day: 9, month: 4, year: '2025' }),
        target: 'import-check-date',
      },
      // The issuer is the meeting's organizer: linked to the Cơ quan tổ chức field.
      { field: 'issuer', note: null, target: 'import-check-issuer' },
      { field: 'chairs', note: msg('importNote.noChair'), target: 'import-check-people' },
    ]);
    expect(checkTargetOf('attendees')).toBe('import-check-people');
    // In the source, the marks of the fields that have one: the title, the date and the organizer here.
    expect([...unsureMarkIds(d)].sort()).toEqual(['date', 'organizer', 'title']);
  });

  it('nothing to check when the importer was sure', () => {
    expect(unsureEntriesOf(draft({ notes: [msg('importNote.noChair')] }))).toEqual([]);
  });
});
