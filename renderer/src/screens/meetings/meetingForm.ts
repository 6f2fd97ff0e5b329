/**
 * The meeting form's values and rules, apart from React so they can be tested. The form holds what the
 * inputs show ('' for an empty time); `toFields` turns that into the contract's MeetingFields.
 */
import {
  MINUTES_HTML_MAX_CHARS,
  type Secrecy,
  type Meeting,
  type MeetingFieldsInput,
} from '../../../../contract/contract';
import { parseTimeText, timeToMinutes } from '../../format/date';

export interface MeetingFormValues {
  title: string;
  kind: string;
  /** `YYYY-MM-DD` or null. */
  meetingDate: string | null;
  /** As typed ('14h30' is fine; see parseTimeText), '' when not given. */
  startTime: string;
  endTime: string;
  location: string;
  organizer: string;
  /** The minutes as the editor writes them (canonical HTML, '' when empty). */
  minutesHtml: string;
  secrecy: Secrecy;
}

export type MeetingFormError =
  'titleRequired' | 'kindRequired' | 'timeInvalid' | 'endBeforeStart' | 'minutesTooLong';
export type MeetingFormErrors = Partial<Record<keyof MeetingFormValues, MeetingFormError>>;

export function blankMeeting(defaultKind: string): MeetingFormValues {
  return {
    title: '',
    kind: defaultKind,
    meetingDate: null,
    startTime: '',
    endTime: '',
    location: '',
    organizer: '',
    minutesHtml: '',
    secrecy: 'thuong',
  };
}

/**
 * The form's values of a stored meeting. `canonicalHtml` turns the stored minutes into the editor's own
 * spelling (minutes/minutesSchema.ts) so that comparing with what the editor writes means something;
 * it needs a DOM, hence passed in.
 */
export function valuesOf(meeting: Meeting, canonicalHtml: (html: string) => string = (html) => html): MeetingFormValues {
  return {
    title: meeting.title,
    kind: meeting.kind,
    meetingDate: meeting.meetingDate,
    startTime: meeting.startTime ?? '',
    endTime: meeting.endTime ?? '',
    location: meeting.location,
    organizer: meeting.organizer,
    minutesHtml: canonicalHtml(meeting.minutesHtml),
    secrecy: meeting.secrecy,
  };
}

/** Client-side checks mirroring the contract, so the clerk learns before the round trip. */
export function validateMeeting(values: MeetingFormValues): MeetingFormErrors {
  const errors: MeetingFormErrors = {};
  if (!values.title.trim()) errors.title = 'titleRequired';
  if (!values.kind.trim()) errors.kind = 'kindRequired';
  const start = timeToMinutes(normalizeTime(values.startTime));
  const end = timeToMinutes(normalizeTime(values.endTime));
  if (values.startTime.trim() && start === null) errors.startTime = 'timeInvalid';
  if (values.endTime.trim() && end === null) errors.endTime = 'timeInvalid';
  if (start !== null && end !== null && end < start) errors.endTime = 'endBeforeStart';
  if (values.minutesHtml.length > MINUTES_HTML_MAX_CHARS) errors.minutesHtml = 'minutesTooLong';
  return errors;
}

/** A typed time as `HH:MM`; '' stays '', and text that is not a time is kept for the clerk to fix. */
export function normalizeTime(text: string): string {
  return text.trim() ? (parseTimeText(text) ?? text.trim()) : '';
}

export function hasErrors(errors: MeetingFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function toFields(values: MeetingFormValues): MeetingFieldsInput {
  return {
    title: values.title.trim(),
    kind: values.kind.trim(),
    meetingDate: values.meetingDate,
    startTime: normalizeTime(values.startTime) || null,
    endTime: normalizeTime(values.endTime) || null,
    location: values.location.trim(),
    organizer: values.organizer.trim(),
    // The archive derives the plain text from the HTML (db/richText.ts).
    minutesHtml: values.minutesHtml,
    secrecy: values.secrecy,
  };
}

/**
 * Whether saving would change anything. Compared as the server would store it, so a trailing space
 * typed and deleted, or only whitespace added around a title, does not count as unsaved work.
 */
export function isMeetingDirty(values: MeetingFormValues, baseline: MeetingFormValues): boolean {
  const a = toFields(values);
  const b = toFields(baseline);
  return (Object.keys(a) as (keyof MeetingFieldsInput)[]).some((k) => a[k] !== b[k]);
}

/** The kinds to offer: the configured list, plus the meeting's own kind if it is no longer in it. */
export function kindOptions(configured: readonly string[], current: string): string[] {
  return current && !configured.includes(current) ? [...configured, current] : [...configured];
}
