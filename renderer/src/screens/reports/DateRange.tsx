import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VnDateInput } from '../../components/VnDateInput';

export interface DateRange {
  from: string | null;
  to: string | null;
  setFrom: (value: string | null) => void;
  setTo: (value: string | null) => void;
}

/** A date range (YYYY-MM-DD) that starts as this whole year: what a period report is asked for first. */
export function useYearRange(): DateRange {
  const [year] = useState(() => new Date().getFullYear());
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  return { from, to, setFrom, setTo };
}

/** Từ ngày / Đến ngày as dd/mm/yyyy; `field` places each input in the panel's own layout. */
export function DateRangeFields({
  range,
  testIdPrefix,
  field = (input) => input,
  width,
}: {
  range: DateRange;
  /** The inputs' data-testid are this followed by from / to. */
  testIdPrefix: string;
  field?: (input: ReactNode) => ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const set = { from: range.setFrom, to: range.setTo };
  return (['from', 'to'] as const).map((side) => (
    <Fragment key={side}>
      {field(
        <VnDateInput
          label={t(`reports.${side}`)}
          placeholder={t('reports.datePlaceholder')}
          value={range[side]}
          onChange={set[side]}
          w={width}
          data-testid={`${testIdPrefix}${side}`}
        />,
      )}
    </Fragment>
  ));
}
