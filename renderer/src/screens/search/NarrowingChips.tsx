import { Button, Group } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../contract/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { NARROWINGS, type Narrowing, type SearchState } from './searchState';

const FACET_LABEL = {
  year: 'search.facets.year',
  kind: 'search.facets.kind',
  personId: 'search.facets.person',
  tag: 'search.facets.tag',
} as const;

interface Props {
  state: SearchState;
  facets: SearchResult['facets'] | null;
  onRemove: (narrowing: Narrowing) => void;
  onClear: () => void;
}

/** The active narrowings as chips; a click on a chip removes it. */
export function NarrowingChips({ state, facets, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  const active = NARROWINGS.filter((n) => state[n] !== null);
  if (active.length === 0) return null;
  return (
    <Group gap="xs" data-testid="facet-chips">
      {active.map((n) => (
        <Chip
          key={n}
          narrowing={n}
          state={state}
          facets={facets}
          onRemove={() => onRemove(n)}
          label={t(FACET_LABEL[n])}
        />
      ))}
      {active.length > 1 && (
        <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear} data-testid="facet-clear">
          {t('search.facets.clearAll')}
        </Button>
      )}
    </Group>
  );
}

interface ChipProps {
  narrowing: Narrowing;
  label: string;
  state: SearchState;
  facets: SearchResult['facets'] | null;
  onRemove: () => void;
}

function Chip({ narrowing, label, state, facets, onRemove }: ChipProps) {
  const { t } = useTranslation();
  const raw = String(state[narrowing]);
  // A person is narrowed by id; the name comes from the facets (every result has that attendee, so they
  // are listed) or, when there are no results to list them, from the directory.
  const personName =
    narrowing === 'personId' ? (facets?.people.find((p) => p.value === raw)?.label ?? null) : null;
  const value = narrowing !== 'personId' ? raw : (personName ?? <PersonName id={raw} />);
  const text = typeof value === 'string' ? value : null;
  return (
    <Button
      variant="light"
      size="compact-sm"
      radius="xl"
      rightSection={<IconX size={14} />}
      onClick={onRemove}
      aria-label={text ? t('search.facets.remove', { facet: label, value: text }) : undefined}
      data-testid="facet-chip"
      data-facet={narrowing}
      data-value={raw}
    >
      {label}: {value}
    </Button>
  );
}

function PersonName({ id }: { id: string }) {
  const person = useApiQuery('people/get', { id });
  // Until the name arrives (or if the person was removed) the chip still says it narrows by a person.
  return <>{person.data?.fullName ?? '…'}</>;
}
