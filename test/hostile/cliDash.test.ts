import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../cli/run';
import { msg } from '../../contract/messages/message';
import { tempDir } from '../helpers/tempArchive';
import { vi } from '../helpers/words';

/**
 * Issue 19, hostile inputs: `hoso search "-hội"` took the excluded word for an option ("Unknown option
 * '-ộ'"). A dash followed by a letter that is not a known short option is a query term; `--` still works,
 * and every other command and option keeps its shape.
 */

const t = tempDir('hoso-cli-dash-');
const db = join(t.dir, 'kho.sqlite');
afterAll(() => t.cleanup());

async function hoso(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), untilStopped: () => Promise.resolve() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  const demo = await hoso('demo', '--meetings', '40', '--db', db);
  expect(demo.code, demo.err).toBe(0);
}, 60_000);

describe('hoso search with a word starting with "-"', () => {
  it('a lone -word is an excluded term, not an option', async () => {
    const r = await hoso('search', '-hội', '--db', db);
    expect(r.err).not.toMatch(/Tuỳ chọn không hợp lệ/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(vi(msg('searchNote.onlyExcluded')));
  });

  it('answers like the same query after --, in any place among the options', async () => {
    const json = async (...argv: string[]) => {
      const r = await hoso(...argv);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out) as unknown[];
    };
    const expected = await json('search', '--db', db, '--json', '--', 'hội', 'nghị', '-tổng', '-"giao ban"');
    expect(expected.length).toBeGreaterThan(0);
    expect(await json('search', 'hội', 'nghị', '-tổng', '-"giao ban"', '--db', db, '--json')).toEqual(expected);
    expect(await json('search', '--json', 'hội', '-tổng', 'nghị', '--db', db, '-"giao ban"')).toEqual(expected);
    expect(await json('--db', db, 'search', '-tổng', '--json', 'hội', 'nghị', '-"giao ban"')).toEqual(expected);
    const all = await json('search', 'hội', 'nghị', '--db', db, '--json', '--limit', '200');
    expect(all.length).toBeGreaterThan(expected.length);
  });

  it('-- keeps working', async () => {
    const r = await hoso('search', '--db', db, '--', '-hội');
    expect(r.code).toBe(0);
    expect(r.out).toContain(vi(msg('searchNote.onlyExcluded')));
  });

  it('known short options and long options keep their meaning', async () => {
    const help = await hoso('search', '-h');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Cách dùng');
    const typo = await hoso('search', 'hội', '--limt', '3', '--db', db);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("Tuỳ chọn không hợp lệ: Unknown option '--limt'");
    // A string option's value is not taken for a query term (parseArgs refuses a dash there, as before).
    const value = await hoso('search', 'hội', '--sort', '-date', '--db', db);
    expect(value.code).toBe(2);
  });

  it('other commands still refuse an unknown short option', async () => {
    const r = await hoso('check', '-x', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Tuỳ chọn không hợp lệ: Unknown option '-x'");
  });
});
