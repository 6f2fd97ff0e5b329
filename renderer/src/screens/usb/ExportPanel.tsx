import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconDeviceUsb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { passphraseWarning, type ExportSelection, type JobStatus } from '../../../../contract/archiveContract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useErrorText } from '../../api/useErrorText';
import { useMessageText } from '../../api/useMessageText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { parseVnDate } from '../../format/date';
import { formatCount } from '../../format/number';
import { useSettings } from '../../settings/settingsContext';
import { formatBytes } from './format';
import { JobFeedback } from './JobProgressView';
import { StickPicker } from './StickPicker';
import { useStartedJob } from './useJob';

type Scope = 'all' | 'range' | 'tag' | 'query';

/** `#/usb?q=…` opens the panel on those search results (a link from the search screen can carry them). */
function queryFromHash(): string {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('q');
  return q?.trim() ?? '';
}

/** The selection the form describes, or why it is not complete yet. */
function selectionOf(scope: Scope, from: string, to: string, tag: string, query: string): { selection: ExportSelection } | { invalid: 'date' | 'empty' } {
  const none = { from: null, to: null, tag: null, ids: null, query: null };
  switch (scope) {
    case 'all':
      return { selection: none };
    case 'range': {
      const f = from.trim() ? parseVnDate(from) : null;
      const t = to.trim() ? parseVnDate(to) : null;
      if ((from.trim() && !f) || (to.trim() && !t)) return { invalid: 'date' };
      if (!f && !t) return { invalid: 'empty' };
      return { selection: { ...none, from: f, to: t } };
    }
    case 'tag':
      return tag.trim() ? { selection: { ...none, tag: tag.trim() } } : { invalid: 'empty' };
    case 'query':
      return query.trim() ? { selection: { ...none, query: query.trim() } } : { invalid: 'empty' };
  }
}

/** Xuất ra USB: what to export, where, encrypted or not, its size before starting, then the job. */
export function ExportPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const messageText = useMessageText();
  const { settings } = useSettings();
  const lang = settings.language;
  const [initialQuery] = useState(queryFromHash);
  const [scope, setScope] = useState<Scope>(initialQuery ? 'query' : 'all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState(initialQuery);
  const [dest, setDest] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const job = useStartedJob();

  const chosen = selectionOf(scope, from, to, tag, query);
  // Debounced as a string: an object literal would be "new" at every render and never settle.
  const [estimateKey] = useDebouncedValue(JSON.stringify({ selection: 'selection' in chosen ? chosen.selection : null, dest: dest.trim() || null }), 400);
  const estimateInput = JSON.parse(estimateKey) as { selection: ExportSelection | null; dest: string | null };
  const estimate = useApiQuery('archive/estimate', {
    selection: estimateInput.selection ?? undefined,
    dest: estimateInput.dest,
  });
  const e = estimateInput.selection ? estimate.data : null;
  const secret = e?.secretMeetings ?? 0;
  const mustEncrypt = secret > 0;
  const encrypting = encrypt || mustEncrypt;
  const weakness = encrypting && passphrase ? passphraseWarning(passphrase) : null;
  const mismatch = encrypting && confirm !== '' && confirm !== passphrase;
  const running = job.status?.state === 'running' || (job.jobId !== null && job.status === null && !job.error);
  const canStart =
    'selection' in chosen && dest.trim() !== '' && !running && (!encrypting || (passphrase !== '' && confirm === passphrase)) && e?.meetings !== 0;

  async function start() {
    if (!('selection' in chosen)) return;
    const selection = chosen.selection;
    await job.start(() => call('archive/export', { selection, dest: dest.trim(), passphrase: encrypting ? passphrase : null }));
  }

  return (
    <Stack gap="md" maw={820} data-testid="usb-export">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text fw={500}>{t('usbArchive.scope.label')}</Text>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            data-testid="usb-scope"
            data={(['all', 'range', 'tag', 'query'] as const).map((s) => ({ value: s, label: t(`usbArchive.scope.${s}`) }))}
          />
          {scope === 'range' && (
            <Group grow align="flex-start">
              <TextInput label={t('usbArchive.scope.from')} value={from} onChange={(ev) => setFrom(ev.currentTarget.value)} data-testid="usb-from"
                error={from.trim() && !parseVnDate(from) ? t('usbArchive.scope.badDate') : undefined} />
              <TextInput label={t('usbArchive.scope.to')} value={to} onChange={(ev) => setTo(ev.currentTarget.value)} data-testid="usb-to"
                error={to.trim() && !parseVnDate(to) ? t('usbArchive.scope.badDate') : undefined} />
            </Group>
          )}
          {scope === 'tag' && <TextInput label={t('usbArchive.scope.tagName')} value={tag} onChange={(ev) => setTag(ev.currentTarget.value)} data-testid="usb-tag" />}
          {scope === 'query' && (
            <TextInput label={t('usbArchive.scope.queryText')} value={query} onChange={(ev) => setQuery(ev.currentTarget.value)} data-testid="usb-query" />
          )}
          <StickPicker
            mode="export"
            value={dest}
            onChange={setDest}
            pathTestId="usb-dest"
            error={e?.destinationProblem ? errorText(e.destinationProblem) : undefined}
            disabled={running}
          />
          <Checkbox
            label={t('usbArchive.encrypt.label')}
            description={t('usbArchive.encrypt.help')}
            checked={encrypting}
            disabled={mustEncrypt}
            onChange={(ev) => setEncrypt(ev.currentTarget.checked)}
            data-testid="usb-encrypt"
          />
          {mustEncrypt && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="usb-must-encrypt">
              {t('usbArchive.encrypt.required', { n: formatCount(secret, lang) })}
            </Alert>
          )}
          {encrypting && (
            <Group grow align="flex-start">
              <PasswordInput
                label={t('usbArchive.encrypt.passphrase')}
                value={passphrase}
                onChange={(ev) => setPassphrase(ev.currentTarget.value)}
                description={t('usbArchive.encrypt.keep')}
                error={weakness ? messageText(weakness) : undefined}
                data-testid="usb-passphrase"
              />
              <PasswordInput
                label={t('usbArchive.encrypt.confirm')}
                value={confirm}
                onChange={(ev) => setConfirm(ev.currentTarget.value)}
                error={mismatch ? t('usbArchive.encrypt.mismatch') : undefined}
                data-testid="usb-passphrase-confirm"
              />
            </Group>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" data-testid="usb-estimate">
        <Text fw={500} mb={4}>
          {t('usbArchive.estimate.title')}
        </Text>
        {'invalid' in chosen ? null : !e ? (
          estimate.error ? (
            <ErrorAlert error={estimate.error} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('usbArchive.estimate.loading')}
            </Text>
          )
        ) : (
          <Stack gap={2}>
            <Text size="sm" data-testid="usb-estimate-summary">
              {t('usbArchive.estimate.summary', { meetings: formatCount(e.meetings, lang), photos: formatCount(e.photos, lang), size: formatBytes(e.bytes, t, lang) })}
            </Text>
            {e.destination && (
              <Text size="sm" c={e.destination.enoughSpace ? undefined : 'red'} data-testid="usb-estimate-free">
                {t('usbArchive.estimate.free', { free: formatBytes(e.destination.freeBytes, t, lang) })}{' '}
                {e.destination.fat32 && t('usbArchive.estimate.fat32')} {!e.destination.enoughSpace && t('usbArchive.estimate.notEnough')}
              </Text>
            )}
          </Stack>
        )}
      </Paper>

      <Group>
        <Button leftSection={<IconDeviceUsb size={18} />} onClick={() => void start()} disabled={!canStart} loading={running} data-testid="usb-start">
          {t('usbArchive.start')}
        </Button>
      </Group>

      {/* Pinned to the bottom of the window while it runs: the clerk never scrolls to find the progress or Hủy. */}
      <div style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
        <JobFeedback job={job} failedTitle={t('usbArchive.result.failed')} />
      </div>
      {job.status && job.status.state !== 'running' && <ExportOutcome status={job.status} />}
    </Stack>
  );
}

/** Room left under the outcome once it is scrolled to (not flush with the window's bottom edge). */
const IN_VIEW = { scrollMarginBottom: 24 } as const;

/** The end of an export: "An toàn để rút USB" only for a bag read back and verified; otherwise why not. */
function ExportOutcome({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const { settings } = useSettings();
  const lang = settings.language;
  const r = status.exportResult;
  // The outcome appears under the form, below the fold of a 768-pixel screen: brought into view once,
  // so the clerk reads "An toàn để rút USB" (or why not) without scrolling for it.
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [status.state]);
  if (status.state === 'done' && r?.verified) {
    return (
      <Alert ref={box} style={IN_VIEW} color="teal" icon={<IconCircleCheck size={22} />} title={t('usbArchive.result.safe')} data-testid="usb-safe">
        <Stack gap={4}>
          <Text size="sm">
            {t('usbArchive.result.safeText', {
              meetings: formatCount(r.meetings, lang),
              photos: formatCount(r.photos, lang),
              files: formatCount(r.payloadFiles, lang),
              size: formatBytes(r.payloadBytes, t, lang),
            })}
          </Text>
          <Text size="sm">
            {t('usbArchive.result.where')}{' '}
            <Text span ff="monospace" data-testid="usb-result-path">
              {r.path}
            </Text>
          </Text>
          <Text size="sm">{r.encrypted ? t('usbArchive.result.encrypted') : t('usbArchive.result.browse')}</Text>
          {r.warnings.map((w, i) => (
            <Text size="sm" c="orange.8" key={i}>
              {messageText(w)}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  }
  if (!status.error) return null;
  return (
    <div ref={box} style={IN_VIEW}>
      <ErrorAlert error={status.error} title={status.state === 'cancelled' ? t('usbArchive.result.cancelled') : t('usbArchive.result.failed')}>
        {status.error.problems.length > 0 && (
          <Stack gap={2} data-testid="usb-problems">
            <Text size="sm" fw={500}>
              {t('usbArchive.result.problems')}
            </Text>
            <List size="sm">
              {status.error.problems.map((p, i) => (
                <List.Item key={i}>{messageText(p.message)}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </ErrorAlert>
    </div>
  );
}
