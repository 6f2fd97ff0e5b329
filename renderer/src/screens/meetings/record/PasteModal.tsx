import { useState } from 'react';
import {
  Alert,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PastePreview, PastePreviewRow } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useAction } from '../../../api/useAction';
import { useMessageText } from '../../../api/useMessageText';
import { DialogActions } from '../../../components/DialogActions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PersonMatchCell } from '../../../components/PersonMatchCell';
import { isRole, roleOptions, type Role } from './options';
import { RecordError } from './RecordError';

/** '' = not chosen yet (a possible match), 'new' = a new person, otherwise a directory person's id. */
type Choice = string;

const initialChoice = (r: PastePreviewRow): Choice =>
  r.match === 'same' && r.personId ? r.personId : r.match === 'new' ? 'new' : '';

/** A same-person row already on the meeting's list would be refused: it is left out of the batch. */
const skipped = (r: PastePreviewRow, choice: Choice) => r.inMeeting && choice !== 'new' && choice !== '';

/**
 * "Dán danh sách": the clerk pastes a list from a report; the server reads it (rank, name, titles) and
 * matches each person against the directory; the clerk settles the possible matches, picks the role
 * of the batch and adds everyone in one write.
 */
export function PasteModal({
  meetingId,
  version,
  onAdded,
  onReload,
  onClose,
}: {
  /** Fetches the list and the meeting's version again after a conflict; the review is kept. */
  onReload: () => void;
  meetingId: string;
  version: number;
  onAdded: (meetingVersion: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<PastePreview | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [role, setRole] = useState<Role>('dai_bieu');
  const { busy, error, clearError, run } = useAction();

  async function runPreview() {
    await run(async () => {
      const p = await call('attendance/paste-preview', { meetingId, text });
      setPreview(p);
      setChoices(p.rows.map(initialChoice));
    });
  }

  const rows = preview?.rows ?? [];
  const batch = rows
    .map((r, i) => ({ r, choice: choices[i] ?? '' }))
    .filter(({ r, choice }) => !skipped(r, choice));
  const undecided = batch.some(({ choice }) => choice === '');

  async function confirm() {
    if (undecided || batch.length === 0) return;
    await run(async () => {
      const res = await call('attendance/add-many', {
        meetingId,
        version,
        role,
        rows: batch.map(({ r, choice }) => ({
          personId: choice === 'new' ? null : choice,
          fullName: r.fullName,
          rank: r.rank,
          titles: r.titles,
          unit: '',
          role: r.role,
        })),
      });
      onAdded(res.meetingVersion);
      onClose();
    });
  }

  return (
    <Modal opened onClose={onClose} title={t('attendance.pasteTitle')} size="90%">
      <Stack gap="md">
        {error &&
          (error.code === 'VERSION_CONFLICT' || error.code === 'MEETING_FINALIZED' ? (
            <RecordError
              error={error}
              onReload={() => {
                clearError();
                onReload();
              }}
              onClose={clearError}
            />
          ) : (
            <ErrorAlert error={error} onClose={clearError} />
          ))}
        {!preview ? (
          <>
            <Text size="sm" c="dimmed">
              {t('attendance.pasteHelp')}
            </Text>
            <Textarea
              label={t('attendance.pasteText')}
              autosize
              minRows={8}
              maxRows={20}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-testid="paste-text"
            />
            <DialogActions
              onCancel={onClose}
              onConfirm={() => void runPreview()}
              loading={busy}
              disabled={!text.trim()}
              confirmLabel={t('attendance.pastePreview')}
              confirmTestId="paste-preview"
            />
          </>
        ) : (
          <>
            {rows.length === 0 && <Text>{t('attendance.pasteEmpty')}</Text>}
            {rows.length > 0 && (
              <Table striped withTableBorder verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('attendance.column.index')}</Table.Th>
                    <Table.Th>{t('attendance.column.rank')}</Table.Th>
                    <Table.Th>{t('attendance.column.fullName')}</Table.Th>
                    <Table.Th>{t('attendance.column.titles')}</Table.Th>
                    <Table.Th>{t('attendance.match.label')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <PasteRow
                      key={`${r.line}-${i}`}
                      row={r}
                      choice={choices[i] ?? ''}
                      onChoice={(c) => setChoices((cur) => cur.map((x, j) => (j === i ? c : x)))}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.problems.length > 0 && (
              <Alert color="orange" title={t('attendance.pasteProblems')} data-testid="paste-problems">
                <List size="sm">
                  {preview.problems.map((p, i) => (
                    <List.Item key={i}>
                      {t('attendance.pasteLine', { line: p.line, message: messageText(p.message) })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group justify="space-between" align="flex-end">
              <Select
                label={t('attendance.pasteRole')}
                data={roleOptions(t)}
                value={role}
                allowDeselect={false}
                onChange={(r) => isRole(r) && setRole(r)}
                w={240}
                data-testid="paste-role"
              />
              <DialogActions
                justify="flex-start"
                onCancel={() => setPreview(null)}
                cancelLabel={t('attendance.pasteBack')}
                onConfirm={() => void confirm()}
                loading={busy}
                disabled={undecided || batch.length === 0}
                confirmLabel={t('attendance.pasteConfirm', { n: batch.length })}
                confirmTestId="paste-confirm"
              />
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

function PasteRow({
  row,
  choice,
  onChoice,
}: {
  row: PastePreviewRow;
  choice: Choice;
  onChoice: (c: Choice) => void;
}) {
  return (
    <Table.Tr data-testid="paste-row" data-match={row.match}>
      <Table.Td>{row.line}</Table.Td>
      <Table.Td>{row.rank}</Table.Td>
      <Table.Td fw={500}>{row.fullName}</Table.Td>
      <Table.Td>{row.titles}</Table.Td>
      <Table.Td>
        <PersonMatchCell
          match={row}
          choice={choice}
          onChoice={onChoice}
          inMeeting={row.inMeeting}
          choiceTestId="paste-choice"
        />
      </Table.Td>
    </Table.Tr>
  );
}
