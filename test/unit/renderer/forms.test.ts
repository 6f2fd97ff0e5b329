import { describe, expect, it } from 'vitest';
import type { Meeting, Settings } from '../../../contract/contract';
import {
  MeetingFields,
  MINUTES_HTML_MAX_CHARS,
  PersonFields,
  Settings as SettingsSchema,
} from '../../../contract/contract';
import {
  blankMeeting,
  hasErrors,
  isMeetingDirty,
  kindOptions,
  toFields,
  validateMeeting,
  valuesOf,
} from '../../../renderer/src/screens/meetings/meetingForm';
import {
  toPersonFields,
  validatePerson,
  BLANK_PERSON,
} from '../../../renderer/src/screens/people/personForm';
import {
  draftOf,
  isSettingsDirty,
  normalizeDraft,
  validateSettings,
} from '../../../renderer/src/screens/settings/settingsForm';
import {
  DEFAULT_LIST_QUERY,
  isFiltered,
  listKey,
  nextSort,
} from '../../../renderer/src/screens/meetings/listQuery';

const meeting: Meeting = {
  id: '01945a3c-7d2e-7c4f-9a1b-2c3d4e5f6a7b',
  title: 'Hội nghị Ban Thường vụ',
  kind: 'Hội nghị',
  meetingDate: '2026-01-05',
  startTime: '08:00',
  endTime: null,
  location: 'Hội trường A',
  organizer: 'Văn phòng',
  minutesText: 'Nội dung',
  minutesHtml: '<p>Nội dung</p>',
  source: 'Nhập tay',
  status: 'draft',
  secrecy: 'thuong',
  version: 3,
  createdAt: 1,
  updatedAt: 2,
};

describe('meeting form', () => {
  it('starts blank with the first configured kind', () => {
    const v = blankMeeting('Cuộc họp');
    expect(v.kind).toBe('Cuộc họp');
    expect(v.meetingDate).toBeNull();
    expect(v.startTime).toBe('');
  });

  it('requires a title and a kind', () => {
    const errors = validateMeeting({ ...blankMeeting(''), title: '   ' });
    expect(errors).toEqual({ title: 'titleRequired', kind: 'kindRequired' });
    expect(hasErrors(errors)).toBe(true);
    expect(validateMeeting({ ...blankMeeting('Hội nghị'), title: 'Giao ban' })).toEqual({});
  });

  it('refuses an end time before the start time, but allows equal times and a missing one', () => {
    const v = { ...blankMeeting('Hội nghị'), title: 'Giao ban' };
    expect(validateMeeting({ ...v, startTime: '14:00', endTime: '13:59' }).endTime).toBe('endBeforeStart');
    expect(validateMeeting({ ...v, startTime: '14:00', endTime: '14:00' })).toEqual({});
    expect(validateMeeting({ ...v, startTime: '', endTime: '09:00' })).toEqual({});
    expect(validateMeeting({ ...v, startTime: '25:00' }).startTime).toBe('timeInvalid');
    expect(validateMeeting({ ...v, startTime: '14h', endTime: '9h30' }).endTime).toBe('endBeforeStart');
    expect(validateMeeting({ ...v, startTime: '9:00', endTime: '14h30' })).toEqual({});
  });

  it('sends the minutes as the editor wrote them and compares stored minutes in the editor spelling', () => {
    const editorSpelling = (html: string) => html.replace('<p>', '<p >');
    const v = valuesOf(meeting, editorSpelling);
    expect(v.minutesHtml).toBe('<p >Nội dung</p>');
    expect(toFields(v)).toMatchObject({ minutesHtml: '<p >Nội dung</p>' });
    expect(toFields(v)).not.toHaveProperty('minutesText');
    expect(isMeetingDirty(v, valuesOf(meeting, editorSpelling))).toBe(false);
    expect(isMeetingDirty({ ...v, minutesHtml: '<p >Nội dung mới</p>' }, v)).toBe(true);
  });

  it('refuses minutes longer than the contract allows', () => {
    const v = { ...blankMeeting('Hội nghị'), title: 'x', minutesHtml: 'a'.repeat(MINUTES_HTML_MAX_CHARS + 1) };
    expect(validateMeeting(v).minutesHtml).toBe('minutesTooLong');
  });

  it('turns the form into fields the contract accepts', () => {
    const fields = toFields({ ...valuesOf(meeting), title: '  Giao ban  ', startTime: '', endTime: '10h30' });
    expect(fields).toMatchObject({
      title: 'Giao ban',
      startTime: null,
      endTime: '10:30',
      meetingDate: '2026-01-05',
    });
    expect(MeetingFields.safeParse(fields).success).toBe(true);
  });

  it('round-trips a stored meeting and notices real changes only', () => {
    const base = valuesOf(meeting);
    expect(base.endTime).toBe('');
    expect(isMeetingDirty(base, base)).toBe(false);
    expect(isMeetingDirty({ ...base, title: `${base.title} ` }, base)).toBe(false);
    expect(isMeetingDirty({ ...base, location: 'Phòng họp số 2' }, base)).toBe(true);
    expect(isMeetingDirty({ ...base, meetingDate: null }, base)).toBe(true);
    // "8h" is the stored 08:00 written another way.
    expect(isMeetingDirty({ ...base, startTime: '8h' }, base)).toBe(false);
  });

  it('keeps a meeting’s kind selectable after it left the configured list', () => {
    expect(kindOptions(['Hội nghị', 'Giao ban'], 'Hội thảo khoa học')).toEqual([
      'Hội nghị',
      'Giao ban',
      'Hội thảo khoa học',
    ]);
    expect(kindOptions(['Hội nghị'], 'Hội nghị')).toEqual(['Hội nghị']);
  });
});

describe('person form', () => {
  it('requires a full name and tidies spacing', () => {
    expect(validatePerson(BLANK_PERSON)).toEqual({ fullName: 'fullNameRequired' });
    const fields = toPersonFields({ ...BLANK_PERSON, fullName: '  Nguyễn   Văn  An ', rank: ' Đại tá ' });
    expect(fields).toMatchObject({ fullName: 'Nguyễn Văn An', rank: 'Đại tá' });
    expect(PersonFields.safeParse(fields).success).toBe(true);
  });
});

describe('settings form', () => {
  const settings: Settings = {
    parentAgency: '',
    issuingAgency: 'VĂN PHÒNG UBND TỈNH',
    agencyCode: 'UBND',
    placeName: 'Bắc Ninh',
    signerAuthority: 'TL.',
    signerTitle: 'Chánh Văn phòng',
    signerName: 'Nguyễn Văn An',
    documentVariant: 'state',
    meetingKinds: ['Hội nghị', 'Cuộc họp'],
    language: 'vi',
    clerkName: '',
    abbreviations: [
      ['KT-XH', 'kinh tế - xã hội'],
      ['UBND', 'Ủy ban nhân dân'],
    ],
  };

  it('leaves the language out of the draft', () => {
    expect('language' in draftOf(settings)).toBe(false);
  });

  it('trims text and drops blank or repeated kinds, keeping the clerk’s order', () => {
    const d = normalizeDraft({
      ...draftOf(settings),
      placeName: ' Hà Nội ',
      meetingKinds: ['Giao ban', ' ', 'hội nghị', 'Hội  nghị', 'Giao Ban'],
    });
    expect(d.placeName).toBe('Hà Nội');
    expect(d.meetingKinds).toEqual(['Giao ban', 'hội nghị']);
    expect(SettingsSchema.partial().safeParse(d).success).toBe(true);
  });

  it('needs at least one meeting kind', () => {
    expect(validateSettings({ ...draftOf(settings), meetingKinds: [' '] })).toEqual({
      meetingKinds: 'kindsRequired',
    });
    expect(validateSettings(draftOf(settings))).toEqual({});
  });

  it('tidies the abbreviation rows: blank rows dropped, repeats kept once', () => {
    const d = normalizeDraft({
      ...draftOf(settings),
      abbreviations: [[' QP ', ' quốc  phòng '], ['', ''], ['qp', 'Quốc phòng'], ['TW', 'Trung ương']],
    });
    expect(d.abbreviations).toEqual([
      ['QP', 'quốc phòng'],
      ['TW', 'Trung ương'],
    ]);
  });

  it('needs both sides of an abbreviation row', () => {
    expect(validateSettings({ ...draftOf(settings), abbreviations: [['QS', '']] })).toEqual({ abbreviations: 'abbreviationIncomplete' });
  });

  it('is dirty only when something would be stored differently', () => {
    const d = draftOf(settings);
    expect(isSettingsDirty({ ...d, signerName: 'Nguyễn Văn An ' }, d)).toBe(false);
    expect(isSettingsDirty({ ...d, signerName: 'Trần Văn Bình' }, d)).toBe(true);
    expect(isSettingsDirty({ ...d, meetingKinds: ['Cuộc họp', 'Hội nghị'] }, d)).toBe(true);
  });
});

describe('meetings list query', () => {
  it('reverses the current column and starts others in their natural direction', () => {
    const q = DEFAULT_LIST_QUERY;
    expect(nextSort(q, 'date')).toMatchObject({ sort: 'date', dir: 'asc' });
    expect(nextSort(q, 'title')).toMatchObject({ sort: 'title', dir: 'asc' });
    expect(nextSort(nextSort(q, 'title'), 'title')).toMatchObject({ sort: 'title', dir: 'desc' });
    expect(nextSort({ ...q, sort: 'title', dir: 'desc' }, 'date')).toMatchObject({
      sort: 'date',
      dir: 'desc',
    });
  });

  it('keeps filters when the order changes and keys each query apart', () => {
    const q = { ...DEFAULT_LIST_QUERY, year: 2024, kind: 'Giao ban' };
    expect(nextSort(q, 'title')).toMatchObject({ year: 2024, kind: 'Giao ban' });
    expect(isFiltered(q)).toBe(true);
    expect(isFiltered(DEFAULT_LIST_QUERY)).toBe(false);
    expect(listKey(q)).not.toBe(listKey({ ...q, year: 2025 }));
  });
});
