import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { vi } from '../../../renderer/src/i18n/vi';
import { unreadableText } from '../../../renderer/src/screens/usb/StickPicker';

const t = ((key: string, p?: { code?: string }) => {
  const k = key.replace('usbSticks.', '') as keyof typeof vi.usbSticks;
  return String(vi.usbSticks[k]).replace('{{code}}', p?.code ?? '');
}) as unknown as TFunction;

describe('a stick that cannot be read', () => {
  it('is told in words for the causes a clerk can act on, with the code only for the others', () => {
    expect(unreadableText('ETIMEDOUT', t)).toMatch(/^USB này không trả lời/);
    expect(unreadableText('EACCES', t)).toMatch(/^Không có quyền đọc USB này/);
    expect(unreadableText('EPERM', t)).not.toMatch(/EPERM/);
    expect(unreadableText('EIO', t)).toBe('Không đọc được USB này (EIO). Rút ra, cắm lại rồi bấm Tìm lại.');
  });
});
