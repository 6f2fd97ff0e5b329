import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface AtTheTime {
  rank: string;
  titles: string;
  unit: string;
}

/**
 * Cấp bậc, Chức vụ, Đơn vị side by side: an attendee's as they were at the meeting, or a new person's
 * when they are added to the directory from the picker. Test ids: `<testIdPrefix>-rank|titles|unit`.
 */
export function AtTheTimeFields({
  value,
  onChange,
  testIdPrefix,
}: {
  value: AtTheTime;
  onChange: (patch: Partial<AtTheTime>) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {(['rank', 'titles', 'unit'] as const).map((field) => (
        <TextInput
          key={field}
          label={t(`attendance.${field}`)}
          value={value[field]}
          onChange={(e) => onChange({ [field]: e.currentTarget.value })}
          data-testid={`${testIdPrefix}-${field}`}
        />
      ))}
    </SimpleGrid>
  );
}
