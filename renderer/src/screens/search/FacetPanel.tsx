import { useState } from 'react';
import { Anchor, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../contract/contract';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import type { Narrowing, SearchState } from './searchState';
import classes from './search.module.css';

type Facets = SearchResult['facets'];
type FacetCount = Facets['years'][number];

/** Long lists (kinds, people, tags) show their top entries first; the rest are a click away. */
const SHOWN = 6;

const GROUPS = [
  { narrowing: 'year', list: 'years', testId: 'facet-year', label: 'search.facets.year' },
  { narrowing: 'kind', list: 'kinds', testId: 'facet-kind', label: 'search.facets.kind' },
  { narrowing: 'personId', list: 'people', testId: 'facet-person', label: 'search.facets.person' },
  { narrowing: 'tag', list: 'tags', testId: 'facet-tag', label: 'search.facets.tag' },
] as const;

/** The state's value for a narrowing, written as a facet value ("2024", a kind, a person id, a tag). */
export function narrowingValue(state: SearchState, narrowing: Narrowing): string | null {
  const v = state[narrowing];
  return v === null ? null : String(v);
}

interface Props {
  facets: Facets;
  state: SearchState;
  /** Sets a narrowing, or removes it (value null) when the active entry is clicked again. */
  onNarrow: (narrowing: Narrowing, value: string | null) => void;
}

/** Năm, Loại, Người tham dự, Thẻ with how many results each holds; a click narrows to it. */
export function FacetPanel({ facets, state, onNarrow }: Props) {
  const { t } = useTranslation();
  const groups = GROUPS.filter((g) => facets[g.list].length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap="md" data-testid="search-facets">
      <Title order={3} size="h5">
        {t('search.facets.title')}
      </Title>
      {groups.map((g) => (
        <FacetGroup
          key={g.list}
          label={t(g.label)}
          items={facets[g.list]}
          active={narrowingValue(state, g.narrowing)}
          testId={g.testId}
          onPick={(value) => onNarrow(g.narrowing, value)}
        />
      ))}
      {facets.sampledOver !== null && <SampledNote n={facets.sampledOver} />}
    </Stack>
  );
}

function SampledNote({ n }: { n: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="facet-sampled">
      {t('search.facets.sampled', { n: formatCount(n, toLanguage(i18n.language)) })}
    </Text>
  );
}

interface GroupProps {
  label: string;
  items: FacetCount[];
  active: string | null;
  testId: string;
  onPick: (value: string | null) => void;
}

function FacetGroup({ label, items, active, testId, onPick }: GroupProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? items : items.slice(0, SHOWN);
  return (
    <Stack gap={2} role="group" aria-label={label}>
      <Text size="sm" fw={600} c="dark.6" mb={2}>
        {label}
      </Text>
      {visible.map((item) => {
        const isActive = item.value === active;
        return (
          <UnstyledButton
            key={item.value}
            onClick={() => onPick(isActive ? null : item.value)}
            aria-pressed={isActive}
            px="xs"
            py={5}
            className={classes.facet}
            data-testid={testId}
            data-value={item.value}
            data-active={isActive || undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap" miw={0}>
                {isActive && (
                  <IconCheck size={14} color="var(--mantine-color-blue-7)" style={{ flexShrink: 0 }} />
                )}
                <Text
                  size="sm"
                  truncate
                  title={item.label}
                  fw={isActive ? 600 : 400}
                  c={isActive ? 'blue.8' : undefined}
                >
                  {item.label}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(item.count, lang)}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
      {items.length > SHOWN && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          ml="xs"
          mt={2}
          onClick={() => setExpanded((e) => !e)}
          style={{ alignSelf: 'flex-start' }}
        >
          {expanded
            ? t('search.facets.showLess')
            : t('search.facets.showMore', { n: formatCount(items.length - SHOWN, lang) })}
        </Anchor>
      )}
    </Stack>
  );
}
