import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../format/date';
import { hrefOf } from '../../router/route';
import { FIELD_ICONS } from './fields';
import { SnippetText } from './SnippetText';
import type { SearchRow } from './useSearch';

/** One hit: the meeting's title (opens it), date, kind, and the passage that matched, hits marked in both. */
export function ResultCard({ row }: { row: SearchRow }) {
  const { t } = useTranslation();
  const FieldIcon = FIELD_ICONS[row.snippet.field];
  return (
    <Paper withBorder radius="md" p="md" component="article" data-testid="search-result" data-id={row.id}>
      <Anchor
        href={hrefOf({ name: 'meeting', id: row.id })}
        fw={600}
        fz="lg"
        lh={1.35}
        style={{ display: 'block', overflowWrap: 'anywhere' }}
        data-testid="search-result-title"
      >
        <SnippetText html={row.titleHtml} />
      </Anchor>
      <Group gap="xs" mt={6} wrap="wrap">
        {row.date ? (
          <Text size="sm" c="dark.4" data-testid="search-result-date">
            {formatIsoDate(row.date)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic" data-testid="search-result-date">
            {t('search.noDate')}
          </Text>
        )}
        <Badge variant="light" color="blue" size="sm" data-testid="search-result-kind">
          {row.kind}
        </Badge>
        <Group gap={4} wrap="nowrap" c="dimmed">
          <FieldIcon size={15} stroke={1.7} />
          <Text size="sm" c="dimmed" span>
            {t('search.foundIn')}:
          </Text>
          <Text size="sm" fw={500} c="dark.5" span data-testid="search-field" data-field={row.snippet.field}>
            {t(`search.field.${row.snippet.field}`)}
          </Text>
        </Group>
      </Group>
      <Text size="sm" mt="xs" lh={1.65} style={{ overflowWrap: 'anywhere' }} data-testid="search-snippet">
        <SnippetText html={row.snippet.html} />
      </Text>
    </Paper>
  );
}
