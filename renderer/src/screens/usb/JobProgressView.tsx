import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../../contract/archiveContract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../settings/settingsContext';
import { formatCount } from '../../format/number';
import { formatBytes, formatSeconds } from './format';
import type { StartedJob } from './useJob';

/** What the job is doing, in words: a merge opens and checks a bag where an export prepares and reads back. */
function phaseKey(status: JobStatus) {
  const merge = status.kind === 'merge-preview' || status.kind === 'merge-apply';
  if (merge && status.progress.phase === 'preparing') return 'usbArchive.phase.opening' as const;
  if (merge && status.progress.phase === 'verifying') return 'usbArchive.phase.checking' as const;
  return `usbArchive.phase.${status.progress.phase}` as const;
}

/** The running job: what it is doing, a bar, bytes and files, time left, and Hủy. */
export function JobProgressView({ status, onCancel }: { status: JobStatus; onCancel: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const lang = settings.language;
  const p = status.progress;
  const ratio =
    p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : p.filesTotal > 0 ? Math.min(1, p.filesDone / p.filesTotal) : 0;
  // A merge counts meetings while it compares and writes them, files otherwise.
  const unit = p.phase === 'comparing' || p.phase === 'merging' ? 'usbArchive.meetingsDone' : 'usbArchive.files';
  return (
    <Paper withBorder p="md" radius="md" data-testid="usb-progress">
      <Stack gap="xs">
        <Text fw={500} data-testid="usb-phase">
          {t(phaseKey(status))}
        </Text>
        <Progress value={ratio * 100} animated={p.phase === 'preparing' || (p.bytesTotal === 0 && p.filesTotal === 0)} size="lg" />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="usb-progress-text">
            {p.bytesTotal > 0 && t('usbArchive.progress', { done: formatBytes(p.bytesDone, t, lang), total: formatBytes(p.bytesTotal, t, lang) })}
            {p.filesTotal > 0 && ` · ${t(unit, { done: formatCount(p.filesDone, lang), total: formatCount(p.filesTotal, lang) })}`}
            {p.secondsLeft !== null && p.secondsLeft > 0 && ` · ${t('usbArchive.secondsLeft', { time: formatSeconds(p.secondsLeft, t) })}`}
          </Text>
          <Button variant="light" color="red" size="xs" onClick={onCancel} data-testid="usb-cancel">
            {t('usbArchive.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What a started job has to say while it runs: why it did not start or cannot be followed, its progress. */
export function JobFeedback({ job, failedTitle }: { job: StartedJob; failedTitle: string }) {
  return (
    <>
      {job.startError && <ErrorAlert error={job.startError} title={failedTitle} onClose={job.clearStartError} />}
      {job.error && <ErrorAlert error={job.error} title={failedTitle} />}
      {job.status?.state === 'running' && <JobProgressView status={job.status} onCancel={job.cancel} />}
    </>
  );
}
