import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/useApiQuery';

interface Props {
  personId: string | null;
  personName: string;
  onChange: (person: { id: string; name: string } | null) => void;
  readOnly?: boolean;
}

/** A person from the directory, found by typing part of the name (with or without diacritics). */
export function AssigneeSelect({ personId, personName, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  // The search text is the field's visible text: it starts as the chosen person's name.
  const [search, setSearch] = useState(personName);
  const [query] = useDebouncedValue(search, 200);
  const people = useApiQuery('people/list', { query, offset: 0, limit: 20 });
  const options = (people.data?.rows ?? []).map((p) => ({
    value: p.id,
    label: [p.rank, p.fullName].filter(Boolean).join(' '),
  }));
  if (personId && !options.some((o) => o.value === personId))
    options.unshift({ value: personId, label: personName });
  return (
    <Select
      label={t('conclusions.field.assigneePerson')}
      placeholder={t('conclusions.placeholder.assigneePerson')}
      data={options}
      value={personId}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('conclusions.noPerson')}
      onChange={(value, option) => onChange(value && option ? { id: value, name: option.label } : null)}
      readOnly={readOnly}
      data-testid="conclusion-assignee"
    />
  );
}
