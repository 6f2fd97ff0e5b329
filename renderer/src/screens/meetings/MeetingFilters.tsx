import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingFacets } from '../../../../contract/contract';
import { sortVi } from '../../format/collate';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import { isFiltered, type ListQuery } from './listQuery';

const ALL = 'all';

interface Props {
  query: ListQuery;
  facets: MeetingFacets | null;
  onChange: (query: ListQuery) => void;
}

/** Năm and Loại, each option with how many meetings it holds. */
export function MeetingFilters({ query, facets, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const n = (count: number) => formatCount(count, lang);

  const years = facets?.years ?? [];
  const kinds = sortVi(facets?.kinds ?? [], (k) => k.kind);
  const everything = years.reduce((sum, y) => sum + y.count, facets?.undated ?? 0);

  const yearData = [
    { value: ALL, label: t('meetings.allWithCount', { n: n(everything) }) },
    ...years.map((y) => ({
      value: String(y.year),
      label: t('meetings.optionWithCount', { label: String(y.year), n: n(y.count) }),
    })),
  ];
  // A chosen filter stays listed even if its last meeting just went away, so the Select still shows it.
  if (query.year !== null && !years.some((y) => y.year === query.year)) {
    yearData.push({ value: String(query.year), label: String(query.year) });
  }
  const kindData = [
    { value: ALL, label: t('meetings.allWithCount', { n: n(everything) }) },
    ...kinds.map((k) => ({
      value: k.kind,
      label: t('meetings.optionWithCount', { label: k.kind, n: n(k.count) }),
    })),
  ];
  if (query.kind !== null && !kinds.some((k) => k.kind === query.kind)) {
    kindData.push({ value: query.kind, label: query.kind });
  }

  return (
    <Group gap="md" align="flex-end">
      <Select
        label={t('meetings.yearFilter')}
        data={yearData}
        value={query.year === null ? ALL : String(query.year)}
        onChange={(value) => onChange({ ...query, year: value && value !== ALL ? Number(value) : null })}
        allowDeselect={false}
        w={180}
        data-testid="filter-year"
      />
      <Select
        label={t('meetings.kindFilter')}
        data={kindData}
        value={query.kind ?? ALL}
        onChange={(value) => onChange({ ...query, kind: value && value !== ALL ? value : null })}
        allowDeselect={false}
        w={240}
        data-testid="filter-kind"
      />
      {isFiltered(query) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ ...query, year: null, kind: null })}
          data-testid="filter-clear"
        >
          {t('meetings.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
