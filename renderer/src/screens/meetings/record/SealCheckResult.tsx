import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SealReport } from '../../../../../contract/recordContract';
import { msg } from '../../../../../contract/messages/message';
import { useMessageText } from '../../../api/useMessageText';

/** What meetings/seal-check found: intact, or which parts and photo files no longer match the seal. */
export function SealCheckResult({ report }: { report: SealReport }) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  return (
    <Alert
      color={report.ok ? 'teal' : 'red'}
      icon={report.ok ? <IconShieldCheck size={20} /> : <IconAlertTriangle size={20} />}
      title={report.ok ? t('seal.checkOk') : t('seal.checkBad')}
      data-testid="seal-result"
      data-ok={report.ok}
    >
      <Text size="sm">{messageText(report.message)}</Text>
      {report.changedParts.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('seal.changedParts')}
          </Text>
          <List size="sm">
            {report.changedParts.map((part) => (
              <List.Item key={part}>{messageText(msg(`historyLog.part.${part}`))}</List.Item>
            ))}
          </List>
        </>
      )}
      {report.badPhotoFiles.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('seal.badPhotos')}
          </Text>
          <List size="sm" ff="monospace">
            {report.badPhotoFiles.map((hash) => (
              <List.Item key={hash}>{hash.slice(0, 16)}…</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
