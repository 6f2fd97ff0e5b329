import { resolve } from 'node:path';
import type { CliCommand } from './types';
import { UsageError, vnDate } from '../options';
import { readPassphraseFile } from '../../services/archive/encrypt';
import type { MergeChoice, MergePlan, MergeResult } from '../../contract/mergeContract';

/**
 * `hoso merge PATH [--dry-run] [--theirs | --mine] [--passphrase-file F] [--json]`: verify the bag, preview
 * (`merge/preview`), then apply (`merge/apply`), the desktop screen's channels. Without a flag the merge adds new records, leaves identical ones, takes the side that
 * alone changed since the last merge, and takes no side on a conflict (left as it is, listed, exit 0);
 * --theirs / --mine settle every conflict one way (a sealed record here is still never replaced by a
 * draft: it keeps this archive's copy). The desktop screen lets the clerk choose record by record.
 */

const CLASS_VI = { new: 'mới', identical: 'giống hệt', changed: 'đã sửa', conflict: 'xung đột' } as const;
const REASON_VI = {
  'both-changed': 'cả hai bên cùng sửa',
  'no-base': 'chưa từng nhập, hai bản khác nhau',
  'mine-sealed': 'hồ sơ ở máy này đã khóa',
  'mine-trashed': 'hồ sơ ở máy này đang trong thùng rác',
} as const;

function describePlan(plan: MergePlan): string[] {
  const c = plan.counts;
  const lines = [
    `Gói lưu trữ: ${plan.bag.path} (đã kiểm tra mã SHA-256: tốt)`,
    `Cuộc họp: ${c.meetings.new} mới, ${c.meetings.changed} đã sửa, ${c.meetings.conflict} xung đột, ${c.meetings.identical} giống hệt.`,
    `Người (danh bạ): ${c.people.new} mới, ${c.people.changed} đã sửa, ${c.people.conflict} xung đột, ${c.people.identical} giống hệt.`,
  ];
  for (const m of plan.meetings) {
    if (m.class === 'identical') continue;
    const why = m.reason ? ` — ${REASON_VI[m.reason]}` : m.newer ? ` — bản mới hơn: ${m.newer === 'theirs' ? 'trong gói' : 'ở máy này'}` : '';
    const diff = m.differences.length ? ` [khác: ${m.differences.join(', ')}]` : '';
    lines.push(`  ${CLASS_VI[m.class].padEnd(9)} ${vnDate(m.theirs.meetingDate)}  ${m.theirs.title}${why}${diff}`);
  }
  for (const p of plan.people) {
    if (p.class === 'identical' || p.class === 'new') continue;
    lines.push(`  người ${CLASS_VI[p.class]}: ${p.mine?.fullName ?? ''} → ${p.theirs.fullName}, ${p.theirs.rank} ${p.theirs.title}`.trimEnd());
  }
  return lines;
}

function describeResult(r: MergeResult): string {
  const m = r.meetings;
  if (!r.changed) return `Không có gì thay đổi: kho đã có đủ nội dung của gói (${m.identical} cuộc họp giống hệt).`;
  const parts = [
    `Đã nhập: ${m.added} cuộc họp mới, ${m.replaced} lấy bản trong gói, ${m.keptBoth} giữ cả hai, ${m.keptMine} giữ bản ở máy này`,
    `${r.people.added} người mới, ${r.people.updated} người cập nhật, ${r.photoFilesCopied} tệp ảnh.`,
  ];
  const left = m.unresolved + r.people.unresolved;
  if (left > 0) parts.push(`Còn ${left} xung đột chưa xử lý (giữ nguyên): chạy lại với --theirs hoặc --mine, hoặc chọn từng hồ sơ trong màn hình Lưu trữ USB.`);
  return parts.join('; ');
}

export const mergeCommand: CliCommand = {
  usage: `  merge <GÓI> [--dry-run] [--theirs | --mine] [--passphrase-file F]
                                Nhập gói lưu trữ USB (thư mục, hoặc tệp .tar.age đã mã hóa) vào kho: kiểm tra gói
                                trước, không trùng lặp; --dry-run chỉ xem trước; xung đột: --theirs lấy bản
                                trong gói, --mine giữ bản ở máy này`,
  async run(env) {
    const [path, ...extra] = env.args;
    if (!path || extra.length > 0) throw new UsageError('Cách dùng: merge <thư mục gói> [--dry-run] [--theirs | --mine]');
    if (env.values.theirs && env.values.mine) throw new UsageError('Chỉ chọn một trong --theirs hoặc --mine.');
    const bag = resolve(path);
    const passphraseFile = env.values['passphrase-file'];
    const passphrase = passphraseFile ? await readPassphraseFile(resolve(passphraseFile)) : null;
    return env.withSession(async ({ call }) => {
      const plan = await call('merge/preview', { path: bag, passphrase });
      if (env.values['dry-run']) {
        env.emit(describePlan(plan).join('\n'), plan);
        return 0;
      }
      const settle: MergeChoice | null = env.values.theirs ? 'theirs' : env.values.mine ? 'mine' : null;
      const meetings: Record<string, MergeChoice> = {};
      const people: Record<string, 'mine' | 'theirs'> = {};
      if (settle) {
        for (const m of plan.meetings) {
          if (m.class === 'conflict') meetings[m.id] = m.choices.includes(settle) ? settle : 'mine';
        }
        for (const p of plan.people) if (p.class === 'conflict') people[p.id] = settle === 'theirs' ? 'theirs' : 'mine';
      }
      const result = await call('merge/apply', { path: bag, passphrase, token: plan.token, meetings, people });
      // The whole plan is --dry-run's answer; after applying, the counts, the result and what was left.
      const left = plan.meetings.filter((m) => m.class === 'conflict' && !meetings[m.id]);
      env.emit([...describePlan(plan), describeResult(result)].join('\n'), {
        ok: true,
        bag: plan.bag,
        counts: plan.counts,
        result,
        unresolved: left.map((m) => ({ id: m.id, title: m.theirs.title, reason: m.reason })),
      });
      return 0;
    });
  },
};
