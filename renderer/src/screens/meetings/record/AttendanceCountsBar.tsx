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
      <CountBadge
        color="teal"
        testId="attendance-count-present"
        count={counts.present}
        text={t('attendance.counts.present', { n: counts.present })}
        detail={late > 0 ? t('attendance.counts.late', { n: late }) : null}
      />
      <CountBadge
        color="red"
        testId="attendance-count-absent"
        count={counts.absent}
        text={t('attendance.counts.absent', { n: counts.absent })}
        detail={excused > 0 ? t('attendance.counts.excused', { n: excused }) : null}
      />
    </Group>
  );
}

/** One count, with the part of it named in brackets when there is any ("Có mặt: 12 (đến muộn: 1)"). */
function CountBadge({
  color,
  testId,
  count,
  text,
  detail,
}: {
  color: string;
  testId: string;
  count: number;
  text: string;
  detail: string | null;
}) {
  return (
    <Badge size="lg" variant="light" color={color} data-testid={testId} data-count={count}>
      {text}
      {detail !== null && ` (${detail})`}
    </Badge>
  );
}
