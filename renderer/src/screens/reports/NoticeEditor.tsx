import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconHash, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Notice, NoticeFields } from '../../../../contract/reportContract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmActionModal } from '../meetings/record/ConfirmActionModal';
import { LoadingState } from '../../components/LoadingState';
import { formatIsoDate } from '../../format/date';
import { VnDateInput } from '../../components/VnDateInput';

interface Form {
  subject: string;
  paragraphs: string;
  placeName: string;
  issuedOn: string | null;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
}

const toForm = (n: Notice): Form => ({
  subject: n.subject,
  paragraphs: n.paragraphs.join('\n\n'),
  placeName: n.placeName,
  issuedOn: n.issuedOn,
  signerAuthority: n.signerAuthority,
  signerTitle: n.signerTitle,
  signerName: n.signerName,
  recipients: n.recipients.join('\n'),
});

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
/** Paragraphs are separated by an empty line; a single line break inside one is kept as a space. */
const paragraphs = (s: string) => s.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);

const toFields = (f: Form, variant: NoticeFields['variant']): NoticeFields => ({
  variant,
  subject: f.subject.trim(),
  paragraphs: paragraphs(f.paragraphs),
  placeName: f.placeName.trim(),
  issuedOn: f.issuedOn,
  signerAuthority: f.signerAuthority.trim(),
  signerTitle: f.signerTitle.trim(),
  signerName: f.signerName.trim(),
  recipients: lines(f.recipients),
});

/**
 * The conclusion notice as text the clerk edits before printing: composed from the record the first
 * time, saved as the meeting's notice, numbered from the outgoing register when it is ready to go out.
 * `onChanged` is called after every save so the preview shows what was saved.
 */
export function NoticeEditor({ meetingId, variant, onChanged }: { meetingId: string; variant: 'state' | 'party' | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmNumber, setConfirmNumber] = useState(false);

  async function load(recompose: boolean) {
    setError(null);
    setMessage(null);
    try {
      const n = await call('reports/notice-get', { meetingId, variant, recompose });
      setNotice(n);
      setForm(toForm(n));
      setDirty(recompose);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  useEffect(() => {
    let live = true;
    void call('reports/notice-get', { meetingId, variant: null, recompose: false }).then(
      (n) => {
        if (!live) return;
        setNotice(n);
        setForm(toForm(n));
        setDirty(false);
      },
      (e: unknown) => live && setError(toErrorPayload(e)),
    );
    return () => {
      live = false;
    };
  }, [meetingId]);

  if (!form || !notice) return error ? <ErrorAlert error={error} title={t('errors.loadFailed')} /> : <LoadingState />;

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
    setMessage(null);
  };

  async function save() {
    if (!form || !notice) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await call('reports/notice-save', {
        meetingId,
        id: notice.id,
        version: notice.version,
        fields: toFields(form, variant ?? notice.variant),
      });
      setNotice(saved);
      setForm(toForm(saved));
      setDirty(false);
      setMessage(t('reports.notice.saved'));
      onChanged();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  async function takeNumber() {
    if (!notice?.id) return;
    setConfirmNumber(false);
    setBusy(true);
    setError(null);
    try {
      const numbered = await call('reports/notice-number', { id: notice.id });
      setNotice(numbered);
      setForm(toForm(numbered));
      onChanged();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="notice-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('reports.notice.title')}</Title>
          <Group gap="xs">
            {notice.number ? (
              <Badge size="lg" variant="light" color="teal" data-testid="notice-number">
                {t('reports.notice.number', { number: notice.number })}
              </Badge>
            ) : (
              <Badge size="lg" variant="light" color="gray" data-testid="notice-number">
                {t('reports.notice.noNumber')}
              </Badge>
            )}
            {(dirty || !notice.id) && <Badge color="orange" variant="light">{t('reports.notice.unsaved')}</Badge>}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('reports.notice.help')}
        </Text>
        {notice.dueBy && (
          // Late when it goes out after the due day, or is still unnumbered past it.
          <Text size="sm" c={(form.issuedOn ?? todayIso()) > notice.dueBy && !notice.number ? 'red.7' : 'dimmed'} data-testid="notice-due">
            {t('reports.notice.due', { date: formatIsoDate(notice.dueBy) })}
          </Text>
        )}
        {error && <ErrorAlert error={error} title={t('errors.saveFailed')} onClose={() => setError(null)} />}
        {message && (
          <Alert color="teal" variant="light" onClose={() => setMessage(null)} withCloseButton>
            {message}
          </Alert>
        )}
        <TextInput label={t('reports.notice.subject')} value={form.subject} onChange={(e) => set({ subject: e.currentTarget.value })} data-testid="notice-subject" />
        <Textarea
          label={t('reports.notice.paragraphs')}
          value={form.paragraphs}
          onChange={(e) => set({ paragraphs: e.currentTarget.value })}
          autosize
          minRows={8}
          maxRows={24}
          data-testid="notice-body"
        />
        <Grid>
          <Grid.Col span={6}>
            <TextInput label={t('reports.notice.placeName')} value={form.placeName} onChange={(e) => set({ placeName: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={6}>
            <VnDateInput
              label={t('reports.notice.issuedOn')}
              value={form.issuedOn}
              onChange={(value) => set({ issuedOn: value })}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('reports.notice.signerAuthority')} value={form.signerAuthority} onChange={(e) => set({ signerAuthority: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('reports.notice.signerTitle')} value={form.signerTitle} onChange={(e) => set({ signerTitle: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('reports.notice.signerName')} value={form.signerName} onChange={(e) => set({ signerName: e.currentTarget.value })} />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('reports.notice.recipients')}
          value={form.recipients}
          onChange={(e) => set({ recipients: e.currentTarget.value })}
          autosize
          minRows={3}
          data-testid="notice-recipients"
        />
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={busy} disabled={!dirty && !!notice.id} data-testid="notice-save">
            {t('reports.notice.save')}
          </Button>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void load(true)} disabled={busy}>
            {t('reports.notice.recompose')}
          </Button>
          {!notice.number && (
            <Button
              variant="light"
              leftSection={<IconHash size={16} />}
              onClick={() => setConfirmNumber(true)}
              disabled={busy || dirty || !notice.id}
              title={dirty || !notice.id ? t('reports.notice.mustSave') : undefined}
              data-testid="notice-take-number"
            >
              {t('reports.notice.takeNumber')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmActionModal
        opened={confirmNumber}
        title={t('reports.notice.takeNumber')}
        message={t('reports.notice.takeNumberConfirm')}
        confirmLabel={t('reports.notice.takeNumber')}
        color="blue"
        onConfirm={() => void takeNumber()}
        onClose={() => setConfirmNumber(false)}
        confirmTestId="notice-take-number-confirm"
      />
    </Paper>
  );
}
