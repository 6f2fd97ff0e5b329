import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../contract/contract';
import { formatDateTime } from '../../format/date';
import { hrefOf } from '../../router/route';
import { msg } from '../../../../contract/messages/message';
import { useMessageText } from '../../api/useMessageText';

/** Back to the meetings list: above the form, and above its loader or load failure. */
export function MeetingBackLink() {
  const { t } = useTranslation();
  return (
    <Anchor href={hrefOf({ name: 'meetings' })} size="sm" data-testid="meeting-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} />
        {t('meetingForm.back')}
      </Group>
    </Anchor>
  );
}

/**
 * The meeting's title (or "Thêm cuộc họp"), when it was last stored, its secrecy and its status, and the
 * line saying a finalized record is read-only.
 */
export function MeetingHeader({ meeting, readOnly }: { meeting: Meeting | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const words = useMessageText();
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Title order={2} lineClamp={2} data-testid="meeting-heading">
            {meeting ? meeting.title : t('meetingForm.newTitle')}
          </Title>
          {meeting && (
            <Text size="sm" c="dimmed">
              {t('meetingForm.updatedAt', { when: formatDateTime(meeting.updatedAt) })}
            </Text>
          )}
        </Stack>
        {meeting && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {meeting.secrecy !== 'thuong' && (
              // The stored level (not the unsaved choice): what the record is classified as now.
              <Badge size="lg" color="red" variant="filled" data-testid="meeting-secrecy-badge">
                {words(msg(`historyLog.secrecy.${meeting.secrecy}`)).toLocaleUpperCase('vi')}
              </Badge>
            )}
            <Badge
              size="lg"
              variant="light"
              color={readOnly ? 'teal' : 'gray'}
              leftSection={readOnly ? <IconLock size={14} /> : <IconPencil size={14} />}
              style={{ flexShrink: 0 }}
              data-testid="meeting-status"
            >
              {readOnly ? t('meetings.status.finalized') : t('meetings.status.draft')}
            </Badge>
          </Group>
        )}
      </Group>

      {readOnly && (
        <Text c="teal.8" size="sm" data-testid="meeting-finalized">
          {t('meetingForm.finalized')}
        </Text>
      )}
    </>
  );
}
