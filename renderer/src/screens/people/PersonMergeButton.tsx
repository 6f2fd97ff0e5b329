import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Radio, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconGitMerge, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonMergePreview } from '../../../../contract/contract';
import { useAction } from '../../api/useAction';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatIsoDate } from '../../format/date';
import { toLanguage } from '../../format/language';
import { formatCount } from '../../format/number';
import { personLabel } from '../meetings/record/PersonPicker';
import { mergePeople, useMergeCandidates, useMergePreview } from './usePersonMerge';

const REASON_MAX = 2000;

/** What the page hears after a merge: the entry kept, the duplicate's name, the meetings moved. */
export interface MergeDone {
  keep: Person;
  duplicate: string;
  meetings: number;
}

/**
 * "Gộp với người khác…": the same real person entered twice. The clerk picks the other entry (likely
 * duplicates, same name once folded, listed first), says which one is kept, reads what will happen
 * (meetings, attendance rows, photos, tasks; sealed meetings, which need a correction's reason; meetings
 * both attended) and confirms. The server does it in one transaction and refuses a stale preview.
 */
export function PersonMergeButton({ person, onMerged }: { person: Person; onMerged: (done: MergeDone) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconGitMerge size={16} />} onClick={() => setOpen(true)} data-testid="person-merge">
        {t('personPage.merge.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('personPage.merge.title')} size="xl" data-testid="person-merge-dialog">
        {open && (
          <MergeForm
            key={`${person.id}@${person.version}`}
            person={person}
            onCancel={() => setOpen(false)}
            onMerged={(done) => {
              setOpen(false);
              onMerged(done);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function MergeForm({ person, onCancel, onMerged }: { person: Person; onCancel: () => void; onMerged: (done: MergeDone) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [other, setOther] = useState<Person | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const candidates = useMergeCandidates(person, other && search === personLabel(other) ? '' : search);
  const keep = other ? (keepThis ? person : other) : null;
  const duplicate = other ? (keepThis ? other : person) : null;
  const preview = useMergePreview(keep?.id ?? null, duplicate?.id ?? null);
  const { busy, error, clearError, run } = useAction();

  const p = preview.preview;
  const needsReason = (p?.sealed.total ?? 0) > 0;
  const reasonError = submitted && needsReason && !reason.trim() ? t('personPage.merge.reasonRequired') : undefined;
  const option = (x: Person) => ({ value: x.id, label: personLabel(x) });
  const shown = [...candidates.same, ...candidates.others];
  const data = [
    ...(candidates.same.length ? [{ group: t('personPage.merge.sameName'), items: candidates.same.map(option) }] : []),
    ...(candidates.others.length ? [{ group: t('personPage.merge.otherPeople'), items: candidates.others.map(option) }] : []),
  ];
  if (other && !shown.some((x) => x.id === other.id)) data.unshift({ group: t('personPage.merge.chosen'), items: [option(other)] });

  async function confirm() {
    setSubmitted(true);
    if (!p || (needsReason && !reason.trim())) return;
    await run(async () => {
      const done = await mergePeople(p, reason.trim());
      onMerged({ keep: done.keep, duplicate: p.duplicate.fullName, meetings: done.meetings });
    });
  }

  return (
    <Stack gap="md">
      <Select
        label={t('personPage.merge.other')}
        description={t('personPage.merge.otherHint')}
        placeholder={t('personPage.merge.otherPlaceholder')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={data}
        value={other?.id ?? null}
        onChange={(id) => {
          clearError();
          setOther(shown.find((x) => x.id === id) ?? (other?.id === id ? other : null));
        }}
        nothingFoundMessage={candidates.loading ? t('personPage.merge.searching') : t('personPage.merge.nobody')}
        data-testid="person-merge-other"
        comboboxProps={{ withinPortal: true }}
      />
      {other && (
        <Radio.Group
          label={t('personPage.merge.keepLabel')}
          value={keepThis ? 'this' : 'other'}
          onChange={(v) => {
            clearError();
            setKeepThis(v === 'this');
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="this" label={personLabel(person)} data-testid="person-merge-keep-this" />
            <Radio value="other" label={personLabel(other)} data-testid="person-merge-keep-other" />
          </Stack>
        </Radio.Group>
      )}
      {preview.error && <ErrorAlert error={preview.error} title={t('personPage.merge.previewFailed')} onAction={preview.reload} />}
      {other && preview.loading && <LoadingState />}
      {p && <MergePreviewText preview={p} />}
      {p && needsReason && (
        <Textarea
          label={t('personPage.merge.reason')}
          description={t('personPage.merge.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          data-testid="person-merge-reason"
        />
      )}
      {error && (
        <ErrorAlert
          error={error}
          onAction={
            error.code === 'VERSION_CONFLICT'
              ? () => {
                  clearError();
                  preview.reload();
                }
              : undefined
          }
          actionLabel={t('personPage.merge.readAgain')}
        />
      )}
      <DialogActions
        onCancel={onCancel}
        confirmLabel={t('personPage.merge.confirm')}
        icon={<IconGitMerge size={16} />}
        onConfirm={() => void confirm()}
        loading={busy}
        disabled={!p || preview.loading}
        confirmTestId="person-merge-confirm"
      />
    </Stack>
  );
}

/** What the merge will do, in the clerk's words. */
function MergePreviewText({ preview: p }: { preview: PersonMergePreview }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const n = (count: number) => formatCount(count, lang);
  const date = (d: string | null) => (d ? formatIsoDate(d) : t('personPage.noDate'));
  // Only the kinds of rows the duplicate has: "0 ảnh" tells the clerk nothing.
  const kinds = (['attendance', 'photos', 'tasks'] as const).filter((k) => p[k] > 0);
  return (
    <Stack gap="sm" data-testid="person-merge-preview" data-meetings={p.meetings}>
      {p.meetings === 0 ? (
        <Text size="sm" data-testid="person-merge-nothing">
          {t('personPage.merge.nothingToMove')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={500} data-testid="person-merge-counts">
            {t('personPage.merge.moves', { count: p.meetings, n: n(p.meetings), keep: p.keep.fullName })}
          </Text>
          <List size="sm" spacing={2}>
            {kinds.map((k) => (
              <List.Item key={k}>{t(`personPage.merge.${k}`, { count: p[k], n: n(p[k]) })}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('personPage.merge.atTheTime')}
          </Text>
        </>
      )}
      {p.both.total > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('personPage.merge.bothTitle', { count: p.both.total, n: n(p.both.total) })} data-testid="person-merge-both">
          <Stack gap="xs">
            <Text size="sm">{t('personPage.merge.bothRule', { keep: p.keep.fullName })}</Text>
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('personPage.merge.meeting')}</Table.Th>
                  <Table.Th>{t('personPage.merge.keptRow')}</Table.Th>
                  <Table.Th>{t('personPage.merge.droppedRow')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.both.rows.map((m) => (
                  <Table.Tr key={m.id} data-testid="person-merge-both-row">
                    <Table.Td>
                      {date(m.meetingDate)} · {m.title}
                    </Table.Td>
                    <Table.Td>
                      {t(`attendance.role.${m.keep.role}`)}, {t(`attendance.status.${m.keep.status}`)}
                    </Table.Td>
                    <Table.Td>
                      {t(`attendance.role.${m.duplicate.role}`)}, {t(`attendance.status.${m.duplicate.status}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {p.both.total > p.both.rows.length && <Text size="xs">{t('personPage.merge.andMore', { n: n(p.both.total - p.both.rows.length) })}</Text>}
          </Stack>
        </Alert>
      )}
      {p.sealed.total > 0 && (
        <Alert color="yellow" icon={<IconLock size={18} />} title={t('personPage.merge.sealedTitle', { count: p.sealed.total, n: n(p.sealed.total) })} data-testid="person-merge-sealed">
          <Stack gap={4}>
            <Text size="sm">{t('personPage.merge.sealedText')}</Text>
            <List size="sm" spacing={2}>
              {p.sealed.rows.map((m) => (
                <List.Item key={m.id} data-testid="person-merge-sealed-row">
                  {date(m.meetingDate)} · {m.title}
                </List.Item>
              ))}
            </List>
            {p.sealed.total > p.sealed.rows.length && <Text size="xs">{t('personPage.merge.andMore', { n: n(p.sealed.total - p.sealed.rows.length) })}</Text>}
          </Stack>
        </Alert>
      )}
      <Group gap={4}>
        <Text size="sm" c="dimmed">
          {t('personPage.merge.trash', { duplicate: p.duplicate.fullName })}
        </Text>
      </Group>
    </Stack>
  );
}
