import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractDraft } from '../../services/import/extract';
import { markdownToText, readPastedSource } from '../../services/import/sources';
import type { ImportDraft } from '../../contract/importContract';

/** The import fixtures (test/fixtures/import): our own reports in the style of the real samples. */
export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'import');
export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
/**
 * The day the fixtures are read on: a date without its year is inferred against today when the text
 * gives no evidence, so the tests fix it.
 */
export const FIXTURE_TODAY = { year: 2025, month: 6, day: 1 };
export const draftOf = (text: string, name = 'paste') =>
  extractDraft(readPastedSource(name, text), { today: FIXTURE_TODAY });
export const fromMarkdown = (name: string) =>
  extractDraft({ name, encoding: 'markdown', text: markdownToText(fixture(name)), images: [] }, { today: FIXTURE_TODAY });
export const people = (list: ImportDraft['chairs']) =>
  list.map(({ name, rank, titles }) => ({ name, rank, titles }));
/** The source text an item points at: what the review screen highlights. */
export const at = (d: ImportDraft, span: { start: number; end: number }) =>
  d.sourceText.slice(span.start, span.end);
/** The texts of a list of captions, conclusions or body paragraphs, in order. */
export const texts = (list: readonly { text: string }[]) => list.map((item) => item.text);
/** The document references as [number, type, date]: what the clerk checks against the paper. */
export const refs = (d: ImportDraft) => d.documentRefs.map((r) => [r.number, r.type, r.date]);
