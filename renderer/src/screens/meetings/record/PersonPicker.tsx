import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../contract/contract';
import { call } from '../../../api/client';

function labelOf(p: Person): string {
  const head = [p.rank, p.fullName].filter(Boolean).join(' ');
  return p.title ? `${head} — ${p.title}` : head;
}

/**
 * A person from the directory, searched by the server with Vietnamese folding ("nguyen van" finds
 * "Nguyễn Văn …"), so the list is not filtered again here.
 */
export function PersonPicker({
  value,
  onChange,
  error,
}: {
  value: Person | null;
  onChange: (p: Person | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [people, setPeople] = useState<Person[]>([]);

  useEffect(() => {
    let live = true;
    call('people/list', { query: debounced, offset: 0, limit: 30 }).then(
      (page) => {
        if (live) setPeople(page.rows);
      },
      () => {
        if (live) setPeople([]);
      },
    );
    return () => {
      live = false;
    };
  }, [debounced]);

  const shown = value && !people.some((p) => p.id === value.id) ? [value, ...people] : people;
  return (
    <Select
      label={t('attendance.person')}
      placeholder={t('attendance.personPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={shown.map((p) => ({ value: p.id, label: labelOf(p) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(shown.find((p) => p.id === id) ?? null)}
      error={error}
      nothingFoundMessage="—"
      data-testid="attendance-person-input"
    />
  );
}
