import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CliCommand } from './types';
import { draftToCliJson, extractDraft, readFileSource } from '../../services/import';
import { isHosoError } from '../../contract/errors';
import { IMPORT_BATCH_MAX, type ImportBatchItem, type ImportSource } from '../../contract/importContract';
import { translate, translateAll } from '../../contract/messages/translate';
import { vnDate } from '../options';

const IMPORTABLE = /\.(txt|md|markdown|html?|docx|doc|pdf)$/i;

/** Files named on the command line; a folder stands for the importable files directly inside it. */
async function expand(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const a of args) {
    const p = resolve(a);
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      for (const name of (await readdir(p)).sort()) if (IMPORTABLE.test(name)) files.push(join(p, name));
    } else files.push(p);
  }
  return files;
}

const STATUS_TEXT: Record<ImportBatchItem['status'], string> = {
  imported: 'ĐÃ NHẬP',
  needs_review: 'CẦN XEM LẠI',
  failed: 'LỖI',
  duplicate: 'TRÙNG, BỎ QUA',
};

/** An item of `import/batch` as the CLI prints it (and as `--json` has always shown it): its messages worded in Vietnamese, as one line. */
function cliItem({ messages, ...item }: ImportBatchItem) {
  return { ...item, message: translateAll('vi', messages) };
}

/** Files read ahead per `import/batch` call: at most the channel's limit, and about 64 MB of them. */
const BATCH_BYTES = 64 * 1024 * 1024;

/** The files as `import/batch` sources, a batch at a time (a thousand reports are not all held at once). */
/** The file's date on the disk (local day), evidence of the year of a date written without one. */
async function modifiedOn(file: string): Promise<string | undefined> {
  const { mtime } = await stat(file);
  const day = new Date(mtime.getTime() - mtime.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

async function* batches(files: string[]): AsyncGenerator<ImportSource[]> {
  let batch: ImportSource[] = [];
  let bytes = 0;
  for (const file of files) {
    const data = await readFile(file);
    if (batch.length > 0 && (batch.length >= IMPORT_BATCH_MAX || bytes + data.length > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push({
      kind: 'file',
      name: basename(file),
      dataBase64: data.toString('base64'),
      modifiedOn: await modifiedOn(file),
    });
    bytes += data.length;
  }
  if (batch.length > 0) yield batch;
}

/**
 * `hoso import <file>… [--dry-run] [--json] [--force]`: with --dry-run prints the drafts (the shape of
 * README.md's *Nhập hồ sơ* with --json) and writes nothing, reading no archive at all; otherwise saves
 * each as a draft meeting through `import/batch`, the batch screen's channel, and prints what it did.
 * Exit code 0 when every file was read (and saved or skipped as a duplicate), 1 when any failed.
 */
export const importCommand: CliCommand = {
  usage: `  import <tệp|thư mục>… [--dry-run] [--force]
                                Nhập báo cáo, biên bản (.txt .md .html .docx .pdf) thành hồ sơ nháp;
                                --dry-run chỉ in bản nháp, --force nhập cả hồ sơ trùng`,
  async run(env) {
    if (env.args.length === 0) {
      env.io.err(
        'Cần ít nhất một tệp để nhập. Ví dụ: npm run --silent hoso -- import bao-cao.docx --dry-run --json',
      );
      return 2;
    }
    const files = await expand(env.args);
    if (env.values['dry-run']) {
      const drafts: unknown[] = [];
      let failed = 0;
      for (const file of files) {
        try {
          const draft = extractDraft(
            await readFileSource(basename(file), await readFile(file), await modifiedOn(file)),
          );
          const json = draftToCliJson(draft);
          // What the text output says of the reading (the encoding found, a bad byte replaced…), in
          // Vietnamese as the rest of the line output: a script sees the same warnings as a person.
          drafts.push({ ...json, encoding: draft.encoding, notes: draft.notes.map((n) => translate('vi', n)) });
          if (!env.values.json) {
            env.io.out(`\n=== ${basename(file)} (${draft.encoding})`);
            env.io.out(
              `Tên: ${json.title ?? '(chưa có)'}\nNgày: ${json.date ? vnDate(json.date) : draft.date ? `${draft.date.day}/${draft.date.month} (chưa rõ năm)` : '(chưa có)'}\nĐịa điểm: ${json.location ?? '(chưa có)'}`,
            );
            for (const p of json.chairs)
              env.io.out(
                `Chủ trì: ${[p.rank, p.name].filter(Boolean).join(' ')}${p.titles.length ? `, ${p.titles.join(', ')}` : ''}`,
              );
            for (const p of json.attendees)
              env.io.out(
                `Dự: ${[p.rank, p.name].filter(Boolean).join(' ')}${p.titles.length ? `, ${p.titles.join(', ')}` : ''}`,
              );
            for (const c of json.captions) env.io.out(`Chú thích ảnh: ${c}`);
            for (const r of json.documentRefs)
              env.io.out(
                `Văn bản: ${r.type ?? ''} ${r.number}${r.date ? ` ngày ${vnDate(r.date)}` : ''}`.trim(),
              );
            env.io.out(`Nguồn: ${json.byline ?? '(chưa có)'}`);
            for (const n of draft.notes) env.io.out(`Lưu ý: ${translate('vi', n)}`);
          }
        } catch (e) {
          if (!isHosoError(e)) throw e;
          failed++;
          env.io.err(`${basename(file)}: ${e.message}`);
          if (env.values.json)
            drafts.push({ file: basename(file), error: { code: e.code, message: e.message } });
        }
      }
      if (env.values.json) env.io.out(JSON.stringify(drafts, null, 2));
      return failed ? 1 : 0;
    }
    const printItem = (batchItem: ImportBatchItem) => {
      const item = cliItem(batchItem);
      const imported =
        batchItem.messages.length === 1 && batchItem.messages[0]!.key === 'importNote.imported';
      env.io.out(
        `${STATUS_TEXT[item.status]}: ${item.name}${item.title ? ` — ${item.title}` : ''}${imported ? '' : ` (${item.message})`}`,
      );
    };
    return env.withSession(
      async ({ call }) => {
        const items: ImportBatchItem[] = [];
        for await (const sources of batches(files))
          items.push(...(await call('import/batch', { sources, allowDuplicate: env.values.force })).items);
        const count = (s: ImportBatchItem['status']) => items.filter((i) => i.status === s).length;
        if (env.values.json) env.io.out(JSON.stringify(items.map(cliItem), null, 2));
        else
          env.io.out(
            `\nTổng: ${count('imported')} đã nhập, ${count('needs_review')} cần xem lại, ${count('duplicate')} trùng (bỏ qua), ${count('failed')} lỗi.`,
          );
        return count('failed') ? 1 : 0;
      },
      // Each file's line as soon as it is saved, not when its batch ends.
      { onProgress: (p) => p.channel === 'import/batch' && !env.values.json && printItem(p.item) },
    );
  },
};
