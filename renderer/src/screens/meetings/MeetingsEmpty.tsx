import { Button, Code, EmptyState, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { hrefOf } from '../../router/route';

/** A fresh archive: one clear way to start, and where sample data comes from. */
export function MeetingsEmpty() {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      icon={<IconCalendarPlus size={36} stroke={1.5} />}
      variant="light"
      title={t('meetings.empty.title')}
      description={t('meetings.empty.description')}
      data-testid="meetings-empty"
    >
      <EmptyState.Actions>
        <NewMeetingButton testId="meetings-empty-new" />
      </EmptyState.Actions>
      <Text size="sm" c="dimmed" ta="center" mt="md">
        <Trans i18nKey="meetings.empty.demoHint" components={{ code: <Code /> }} />
      </Text>
    </EmptyState>
  );
}

/** "Thêm cuộc họp": above the list, and the one way to start in an empty archive. */
export function NewMeetingButton({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={hrefOf({ name: 'meetingNew' })}
      leftSection={<IconCalendarPlus size={18} />}
      data-testid={testId}
    >
      {t('meetings.new')}
    </Button>
  );
}
