import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../contract/contract';
import { call } from '../../../api/client';

/** "Đại tá Nguyễn Văn A — Chỉ huy trưởng …": how a directory entry reads in a list. */
export function personLabel(p: Person): string {
  const head = [p.rank, p.fullName].filter(Boolean).join(' ');
  return p.title ? `${head} — ${p.title}` : head;
}

/** The option that opens "Thêm người mới" with what was typed (never an id: ids are UUIDs). */
const NEW_PERSON = 'new-person';

/**
 * A person from the directory, searched by the server with Vietnamese folding ("nguyen van" finds
 * "Nguyễn Văn …"), so the list is not filtered again here. Whatever is typed, the last option is
 * "Thêm người mới: «…»", so a guest who is not in the directory is never a dead end.
 */
export function PersonPicker({
  value,
  onChange,
  error,
  onCreateNew,
}: {
  value: Person | null;
  onChange: (p: Person | null) => void;
  error?: string;
  /** Called with the typed name when the clerk chooses "Thêm người mới". */
  onCreateNew: (typed: string) => void;
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
  const typed = search.trim();
  // Once a person is chosen the search box shows their label: nothing new is being typed then.
  const offerNew = typed !== '' && !(value && search === personLabel(value));
  const data = shown.map((p) => ({ value: p.id, label: personLabel(p) }));
  if (offerNew) data.push({ value: NEW_PERSON, label: t('attendance.newGuest.option', { name: typed }) });
  return (
    <Select
      label={t('attendance.person')}
      placeholder={t('attendance.personPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => {
        if (id === NEW_PERSON) onCreateNew(typed);
        else onChange(shown.find((p) => p.id === id) ?? null);
      }}
      error={error}
      nothingFoundMessage={t('attendance.newGuest.typeName')}
      data-testid="attendance-person-input"
    />
  );
}
