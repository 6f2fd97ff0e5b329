import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../db/settings';
import { closingState, opensByItself, setupDraftOf, signatureLines, stepPatch } from '../../../renderer/src/screens/setup/setupSteps';
import { CONFIRMATIONS, confirmationOf } from '../../../renderer/src/api/confirmations';
import { vi } from '../../../renderer/src/i18n/vi';
import { en } from '../../../renderer/src/i18n/en';
import type { ChannelOutput } from '../../../contract/contract';

describe('first-run setup', () => {
  it('opens by itself only on a fresh archive whose setup was neither done nor put off', () => {
    expect(opensByItself('pending', 0)).toBe(true);
    expect(opensByItself(undefined, 0)).toBe(true);
    expect(opensByItself('pending', 1)).toBe(false);
    expect(opensByItself('skipped', 0)).toBe(false);
    expect(opensByItself('done', 0)).toBe(false);
    // Not before the count is known: no flash of the setup over an archive full of meetings.
    expect(opensByItself('pending', undefined)).toBe(false);
  });

  it('stores done once a step was saved, skipped otherwise, and never undoes an earlier done', () => {
    expect(closingState(true, 'pending')).toBe('done');
    expect(closingState(false, 'pending')).toBe('skipped');
    expect(closingState(false, 'done')).toBe('done');
  });

  it('a step stores only its own fields, trimmed', () => {
    const draft = { ...setupDraftOf(DEFAULT_SETTINGS), issuingAgency: '  VĂN PHÒNG UBND TỈNH ', signerName: ' Nguyễn Văn An ', backupDir: ' /media/usb/Sao lưu ' };
    expect(stepPatch('agency', draft)).toEqual({ issuingAgency: 'VĂN PHÒNG UBND TỈNH', parentAgency: '', placeName: '', agencyCode: '', documentVariant: 'state' });
    expect(stepPatch('signer', draft)).toEqual({ signerAuthority: '', signerTitle: '', signerName: 'Nguyễn Văn An', clerkName: '' });
    expect(stepPatch('storage', draft)).toEqual({ backupDir: '/media/usb/Sao lưu' });
  });

  it('previews the signature block as the reports print it', () => {
    const draft = { ...setupDraftOf(DEFAULT_SETTINGS), issuingAgency: 'Ủy ban nhân dân', signerAuthority: 'TM.' as const, signerTitle: 'Chủ tịch', signerName: 'Nguyễn Văn An' };
    expect(signatureLines(draft)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(signatureLines({ ...draft, signerAuthority: '' }).authority).toBe('');
  });
});

describe('confirmations', () => {
  it('every confirmed channel has its words in both catalogs; autosaved and listed-in-view writes have none', () => {
    for (const key of Object.values(CONFIRMATIONS)) {
      expect(vi.confirm[key]).toMatch(/^Đã /);
      expect(en.confirm[key]).toBeTruthy();
    }
    for (const quiet of ['meetings/update', 'meetings/create', 'settings/update', 'import/batch', 'meetings/list'] as const)
      expect(confirmationOf(quiet, {}, new Set())).toBeNull();
    expect(confirmationOf('meetings/trash', {}, new Set())).toBe('meetingTrashed');
  });

  it('an export is confirmed once when its job is first seen done, never when it starts, fails or is a check', () => {
    const seen = new Set<string>();
    const status = (state: 'running' | 'done' | 'failed', kind: 'export' | 'verify' = 'export') =>
      ({ id: 'job-1', kind, state }) as ChannelOutput<'jobs/status'>;
    expect(confirmationOf('archive/export', { jobId: 'job-1' }, seen)).toBeNull();
    expect(confirmationOf('jobs/status', status('running'), seen)).toBeNull();
    expect(confirmationOf('jobs/status', status('done', 'verify'), seen)).toBeNull();
    expect(confirmationOf('jobs/status', status('failed'), seen)).toBeNull();
    expect(confirmationOf('jobs/status', status('done'), seen)).toBe('exportDone');
    expect(confirmationOf('jobs/status', status('done'), seen)).toBeNull();
  });
});
