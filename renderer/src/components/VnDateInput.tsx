import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseVnDate } from '../format/date';

/**
 * A date field as clerks write dates: shown dd/mm/yyyy, typed 5/1/2026, 05/01/2026 or 05.01.2026
 * (dayjs cannot read day-first dates without a plugin, hence parseVnDate), with a calendar icon.
 * Every date field of the app is this one; anything else (label, value, clearable…) is passed on.
 */
export function VnDateInput(props: DateInputProps) {
  return (
    <DateInput valueFormat="DD/MM/YYYY" dateParser={parseVnDate} leftSection={<IconCalendar size={16} />} {...props} />
  );
}
