import { useState } from 'react';
import { Alert, Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBook2, IconPrinter, IconShieldLock } from '@tabler/icons-react';
import { useSettings } from '../../settings/settingsContext';
import { useTranslation } from 'react-i18next';
import { PrintPanel } from './PrintPanel';
import { RegisterPanel } from './RegisterPanel';
import { SecretLogPanel } from './SecretLogPanel';
import { readReportLink } from './reportLink';

/** Báo cáo: print documents in the official layout, the outgoing register, and the log of classified prints. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const [link] = useState(() => readReportLink(window.location.hash));
  const { settings } = useSettings();
  const missing = (['issuingAgency', 'agencyCode', 'placeName', 'signerName'] as const).filter((f) => !settings[f].trim());
  return (
    <Stack gap="md">
      <Title order={2}>{t('reports.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('reports.intro')}
      </Text>
      {missing.length > 0 && (
        // Documents print with blanks where these go: say so before the clerk prints one.
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="reports-settings-missing">
          {t('reports.settingsMissing', { fields: missing.map((f) => t(`settings.field.${f}`)).join(', ') })}{' '}
          <Anchor href="#/settings">{t('reports.openSettings')}</Anchor>
        </Alert>
      )}
      <Tabs defaultValue="print" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="print" leftSection={<IconPrinter size={16} />}>
            {t('reports.tab.print')}
          </Tabs.Tab>
          <Tabs.Tab value="register" leftSection={<IconBook2 size={16} />} data-testid="tab-register">
            {t('reports.tab.register')}
          </Tabs.Tab>
          <Tabs.Tab value="secret-log" leftSection={<IconShieldLock size={16} />} data-testid="tab-secret-log">
            {t('reports.tab.secretLog')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="print" pt="md">
          <PrintPanel initialMeetingId={link.meetingId} initialKind={link.kind} />
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterPanel />
        </Tabs.Panel>
        <Tabs.Panel value="secret-log" pt="md">
          <SecretLogPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
