import { useState } from 'react';
import { Alert, Button, Group, List, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useMessageText } from '../../api/useMessageText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount } from '../../format/number';
import { useSettings } from '../../settings/settingsContext';
import { formatBytes } from './format';
import { JobFeedback } from './JobProgressView';
import { useStartedJob } from './useJob';

/** Kiểm tra bản lưu trữ: a bag folder or a .tar.age file checked against its manifests, each problem listed. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const { settings } = useSettings();
  const lang = settings.language;
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const job = useStartedJob();
  const running = job.status?.state === 'running';
  const r = job.status?.verifyResult ?? null;

  async function run() {
    await job.start(() => call('archive/verify', { path: path.trim(), passphrase: passphrase || null }), {
      hidePrevious: true,
    });
  }

  return (
    <Stack gap="md" maw={820} data-testid="usb-verify">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <TextInput
            label={t('usbArchive.verify.path')}
            placeholder={t('usbArchive.verify.placeholder')}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            data-testid="usb-verify-path"
          />
          <PasswordInput
            label={t('usbArchive.verify.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            data-testid="usb-verify-passphrase"
          />
          <Group>
            <Button leftSection={<IconShieldCheck size={18} />} onClick={() => void run()} disabled={!path.trim() || running} loading={running} data-testid="usb-verify-run">
              {t('usbArchive.verify.run')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <JobFeedback job={job} failedTitle={t('usbArchive.verify.failed')} />
      {job.status?.state === 'failed' && job.status.error && (
        <ErrorAlert error={job.status.error} title={t('usbArchive.verify.failed')} />
      )}
      {r?.ok && (
        <Alert color="teal" icon={<IconCircleCheck size={22} />} title={t('usbArchive.verify.ok')} data-testid="usb-verify-ok">
          <Text size="sm">{t('usbArchive.verify.okText', { files: formatCount(r.payloadFiles, lang), size: formatBytes(r.payloadBytes, t, lang) })}</Text>
          {r.bagInfo['Source-Organization'] && (
            <Text size="sm">{t('usbArchive.verify.info', { org: r.bagInfo['Source-Organization'], description: r.bagInfo['External-Description'] ?? '' })}</Text>
          )}
        </Alert>
      )}
      {r && !r.ok && (
        <Alert color="red" icon={<IconAlertCircle size={22} />} title={t('usbArchive.verify.bad')} data-testid="usb-verify-bad">
          <Text size="sm">{t('usbArchive.verify.badText', { n: formatCount(r.problems.length, lang) })}</Text>
          <List size="sm" data-testid="usb-verify-problems">
            {r.problems.map((p, i) => (
              <List.Item key={i}>{messageText(p.message)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
