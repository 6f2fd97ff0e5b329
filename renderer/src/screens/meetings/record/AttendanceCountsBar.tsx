import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttendanceCounts } from '../../../../../contract/recordContract';

/** Tổng số / có mặt (with the late) / vắng (with the excused), as the minutes report them. */
export function AttendanceCountsBar({ counts }: { counts: AttendanceCounts }) {
  const { t } = useTranslation();
  const late = counts.byStatus.den_muon ?? 0;
  const excused = counts.byStatus.vang_co_ly_do ?? 0;
  return (
    <Group gap="xs">
      <Badge size="lg" variant="outline" color="gray" data-testid="attendance-count-total">
        {t('attendance.counts.total', { n: counts.total })}
      </Badge>
      <Badge
        size="lg"
        variant="light"
        color="teal"
        data-testid="attendance-count-present"
        data-count={counts.present}
      >
        {t('attendance.counts.present', { n: counts.present })}
        {late > 0 && ` (${t('attendance.counts.late', { n: late })})`}
      </Badge>
      <Badge
        size="lg"
        variant="light"
        color="red"
        data-testid="attendance-count-absent"
        data-count={counts.absent}
      >
        {t('attendance.counts.absent', { n: counts.absent })}
        {excused > 0 && ` (${t('attendance.counts.excused', { n: excused })})`}
      </Badge>
    </Group>
  );
}
