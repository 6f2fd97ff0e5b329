import type { AttendanceCounts, AttendanceRow } from './recordPartsContract';

/**
 * The counts the minutes report (tổng số, có mặt with the late, vắng with the excused, by role): one
 * rule for the list the archive answers and for the quick grid's marks before they are saved.
 */
export function countAttendance(list: readonly Pick<AttendanceRow, 'status' | 'role'>[]): AttendanceCounts {
  const byStatus = { co_mat: 0, vang_co_ly_do: 0, vang: 0, den_muon: 0 };
  const byRole = { chu_tri: 0, dong_chu_tri: 0, thu_ky: 0, dai_bieu: 0, khach_moi: 0 };
  for (const r of list) {
    byStatus[r.status]++;
    byRole[r.role]++;
  }
  return {
    total: list.length,
    present: byStatus.co_mat + byStatus.den_muon,
    absent: byStatus.vang + byStatus.vang_co_ly_do,
    byStatus,
    byRole,
  };
}
