import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from '../helpers/importFixtures';
import type { ImportPreview, PersonMatch } from '../../contract/importContract';
import {
  initialReview,
  marksOf,
  problemsOf,
  segmentsOf,
  readingNotesOf,
  toReviewedDraft,
} from '../../renderer/src/screens/import/reviewState';

const KINDS = ['Hội nghị', 'Cuộc họp', 'Làm việc', 'Giao ban'];
const draft = draftOf(fixture('so-ket-khong-nam.txt'));
const possible: PersonMatch = {
  match: 'possible',
  personId: null,
  reasons: ['rank_differs'],
  candidates: [
    {
      id: '0190a0a0-0000-7000-8000-000000000001',
      fullName: 'Khuất Duy Tiến',
      rank: 'Trung tá',
      title: '',
      unit: '',
    },
  ],
};
const preview: ImportPreview = { draft, chairMatches: [possible], attendeeMatches: [], duplicate: null };

describe('the review of a draft (Nhập hồ sơ screen)', () => {
  it('starts from the draft: a date without its year gets the inferred year (the field says to check it)', () => {
    const s = initialReview(preview, KINDS);
    expect(s.title.value).toBe('Công an huyện Ba Vì sơ kết đợt cao điểm trấn áp tội phạm');
    expect(s.kind).toBe('Hội nghị');
    expect(draft.date).toMatchObject({ year: 2025, yearFrom: 'inferred' });
    expect(s.date.value).toBe('09/04/2025');
    expect(problemsOf(s)).toEqual(['people']);
    expect(readingNotesOf(preview)).toEqual([]);
  });

  it('saves only what the clerk kept, with the person they settled and the date they completed', () => {
    let s = initialReview(preview, KINDS);
    s = { ...s, date: { ...s.date, value: '09/04/2024' }, startTime: '7h3' };
    expect(problemsOf(s)).toEqual(['time', 'people']);
    s = { ...s, startTime: '7h30' };
    s = {
      ...s,
      people: s.people.map((p) => ({ ...p, value: { ...p.value, choice: possible.candidates[0]!.id } })),
    };
    s = {
      ...s,
      documents: s.documents.map((d) => ({ ...d, keep: false })),
      byline: { ...s.byline, keep: false },
    };
    expect(problemsOf(s)).toEqual([]);
    expect(toReviewedDraft(s)).toMatchObject({
      meetingDate: '2024-04-09',
      startTime: '07:30',
      byline: '',
      documentRefs: [],
      people: [
        { name: 'Khuất Duy Tiến', rank: 'Thượng tá', role: 'chu_tri', personId: possible.candidates[0]!.id },
      ],
    });
  });

  it('the organizer: the body the importer found, as the clerk corrects or discards it, becomes the meeting\'s', () => {
    // Where the body names it (the title, which names it too, keeps its own mark).
    const start = draft.sourceText.indexOf('Công an huyện Ba Vì', 20);
    const issuer = { value: 'Công an huyện Ba Vì', span: { start, end: start + 19 } };
    const s = initialReview({ ...preview, draft: { ...draft, issuer } }, KINDS);
    expect(s.organizer).toMatchObject({ value: 'Công an huyện Ba Vì', keep: true });
    expect(marksOf(s).find((m) => m.field === 'organizer')).toMatchObject({ start, end: start + 19, id: 'organizer' });
    const corrected = { ...s, organizer: { ...s.organizer, value: ' Công an huyện Ba Vì, thành phố Hà Nội ' } };
    expect(toReviewedDraft(corrected).organizer).toBe('Công an huyện Ba Vì, thành phố Hà Nội');
    expect(toReviewedDraft({ ...s, organizer: { ...s.organizer, keep: false } }).organizer).toBe('');
  });

  it('highlights: every item once, in source order; discarded items stay marked as discarded', () => {
    const s = initialReview(preview, KINDS);
    const marks = marksOf({ ...s, byline: { ...s.byline, keep: false } });
    expect(marks.map((m) => m.field)).toEqual(['title', 'date', 'person', 'document', 'byline']);
    expect(marks.at(-1)!.discarded).toBe(true);
    const pieces = segmentsOf(draft.sourceText, marks);
    expect(pieces.map((p) => p.text).join('')).toBe(draft.sourceText);
    expect(pieces.find((p) => p.mark?.field === 'date')!.text).toBe('Sáng ngày 9-4');
  });
});
