/** The directory form's values and rules, apart from React so they can be tested. */
import type { Person, PersonFieldsInput } from '../../../../contract/contract';

export interface PersonFormValues {
  fullName: string;
  rank: string;
  title: string;
  unit: string;
  notes: string;
}

export type PersonFormErrors = Partial<Record<keyof PersonFormValues, 'fullNameRequired'>>;

export const BLANK_PERSON: PersonFormValues = { fullName: '', rank: '', title: '', unit: '', notes: '' };

export function personValuesOf(person: Person): PersonFormValues {
  return {
    fullName: person.fullName,
    rank: person.rank,
    title: person.title,
    unit: person.unit,
    notes: person.notes,
  };
}

export function validatePerson(values: PersonFormValues): PersonFormErrors {
  return values.fullName.trim() ? {} : { fullName: 'fullNameRequired' };
}

export function toPersonFields(values: PersonFormValues): PersonFieldsInput {
  return {
    // Names are pasted from documents with doubled or odd spaces; one space between words is what is meant.
    fullName: values.fullName.replace(/\s+/g, ' ').trim(),
    rank: values.rank.trim(),
    title: values.title.trim(),
    unit: values.unit.trim(),
    notes: values.notes.trim(),
  };
}
