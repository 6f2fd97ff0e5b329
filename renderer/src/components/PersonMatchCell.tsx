import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How a name read from a pasted list or an imported report matched the directory (contract: PersonMatch). */
export interface MatchOfName {
  match: 'same' | 'possible' | 'new';
  reasons: readonly ('several_people' | 'marks_differ' | 'rank_differs')[];
  candidates: readonly { id: string; fullName: string; rank: string; title: string }[];
}

const COLORS = { new: 'blue', same: 'teal', possible: 'orange' } as const;

/**
 * The match of one name, and for a possible match the clerk's choice: one of the candidates, or a new
 * person ('' until chosen, which the caller treats as undecided). Used by "Dán danh sách" and the import
 * review, which ask the same question.
 */
export function PersonMatchCell({
  match,
  choice,
  onChoice,
  inMeeting = false,
  choiceTestId,
}: {
  match: MatchOfName;
  choice: string;
  onChoice: (choice: string) => void;
  /** A candidate is already on the meeting's list. */
  inMeeting?: boolean;
  choiceTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap={4}>
        <Badge color={COLORS[match.match]} variant="light">
          {t(`attendance.match.${match.match}`)}
        </Badge>
        {inMeeting && (
          <Badge color="gray" variant="light">
            {t('attendance.match.inMeeting')}
          </Badge>
        )}
      </Group>
      {match.reasons.length > 0 && (
        <Text size="xs" c="dimmed">
          {match.reasons.map((r) => t(`attendance.match.reason.${r}`)).join(', ')}
        </Text>
      )}
      {match.match === 'possible' && (
        <Select
          size="xs"
          placeholder={t('attendance.match.choose')}
          value={choice || null}
          onChange={(c) => onChoice(c ?? '')}
          data={[
            { value: 'new', label: t('attendance.match.newChoice') },
            ...match.candidates.map((c) => ({
              value: c.id,
              label: t('attendance.match.sameAs', {
                name: [c.rank, c.fullName, c.title && `— ${c.title}`].filter(Boolean).join(' '),
              }),
            })),
          ]}
          error={choice === ''}
          data-testid={choiceTestId}
        />
      )}
    </Stack>
  );
}
