import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconClipboardList, IconListCheck, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../contract/errors';
import type { AttendanceList, AttendanceRow } from '../../../../../contract/recordContract';
import { call, toErrorPayload } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { AttendanceCountsBar } from './AttendanceCountsBar';
import { AttendanceGrid } from './AttendanceGrid';
import { AttendanceTable } from './AttendanceTable';
import { AttendeeModal, type AttendeeValues } from './AttendeeModal';
import { ConfirmModal } from './ConfirmModal';
import { PasteModal } from './PasteModal';
import { RecordError } from './RecordError';
import type { RecordTabProps } from './tabs';

type Order = 'position' | 'protocol' | 'name';
type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; row: AttendanceRow }
  | { kind: 'remove'; row: AttendanceRow }
  | { kind: 'paste' }
  | { kind: 'grid' };

/** "Thành phần": who attended, in which role and status, with the counts the minutes report. */
export function AttendanceTab({ meetingId, version, onVersion, readOnly, onReplaced }: RecordTabProps) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<Order>('position');
  const [list, setList] = useState<AttendanceList | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [writeError, setWriteError] = useState<ErrorPayload | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  /** What the last quick-grid save stored, said under the counts until the next change. */
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('attendance/list', { meetingId, order }).then(
      (l) => {
        if (!live) return;
        setList(l);
        setLoadError(null);
        onVersion(l.meetingVersion);
      },
      (e: unknown) => {
        if (live) setLoadError(toErrorPayload(e));
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, order, reloads, onVersion]);

  const reload = useCallback(() => {
    setWriteError(null);
    setReloads((n) => n + 1);
  }, []);

  /** Runs a write; on success takes its version and fetches the list again. */
  async function write(run: () => Promise<number>): Promise<boolean> {
    setBusy(true);
    setWriteError(null);
    try {
      onVersion(await run());
      setReloads((n) => n + 1);
      return true;
    } catch (e) {
      setWriteError(toErrorPayload(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const submit = (v: AttendeeValues, row: AttendanceRow | null) =>
    write(async () => {
      const fields = {
        role: v.role,
        status: v.status,
        absenceReason: v.absenceReason.trim(),
      };
      if (row) {
        const r = await call('attendance/update', {
          meetingId,
          version,
          id: row.id,
          fields: { ...fields, rank: v.rank, titles: v.titles, unit: v.unit },
        });
        return r.meetingVersion;
      }
      // A new guest was created in the directory from the picker already ("Thêm người mới").
      const person = { kind: 'existing' as const, id: v.person?.id ?? '' };
      const r = await call('attendance/add', {
        meetingId,
        version,
        person,
        ...fields,
        rank: null,
        titles: null,
        unit: null,
      });
      return r.meetingVersion;
    });

  /** Moves a row of the table (the secretary's own line keeps its place among the rows). */
  function move(index: number, delta: -1 | 1) {
    if (!list) return;
    const members = list.rows.filter((r) => r.role !== 'thu_ky').map((r) => r.id);
    const j = index + delta;
    [members[index], members[j]] = [members[j]!, members[index]!];
    let next = 0;
    const ids = list.rows.map((r) => (r.role === 'thu_ky' ? r.id : members[next++]!));
    void write(async () => (await call('attendance/reorder', { meetingId, version, ids })).meetingVersion);
  }

  if (loadError && !list)
    return <ErrorAlert error={loadError} title={t('errors.loadFailed')} onAction={reload} />;
  if (!list) return <LoadingState />;

  return (
    <Stack gap="md">
      {writeError && !dialog && (
        <RecordError error={writeError} onReload={reload} onClose={() => setWriteError(null)} />
      )}
      <Group justify="space-between" align="center">
        <AttendanceCountsBar counts={list.counts} />
        <Group gap="sm">
          {list.rows.length > 0 && (
            <Button
              variant={readOnly ? 'default' : 'filled'}
              leftSection={<IconListCheck size={18} />}
              onClick={() => {
                setWriteError(null);
                setSaved(null);
                setDialog({ kind: 'grid' });
              }}
              data-testid="attendance-grid-open"
            >
              {readOnly ? t('attendance.grid.openCorrection') : t('attendance.grid.open')}
            </Button>
          )}
          {!readOnly && (
            <>
              <Button
                leftSection={<IconUserPlus size={18} />}
                onClick={() => {
                  setWriteError(null);
                  setDialog({ kind: 'add' });
                }}
                data-testid="attendance-add"
              >
                {t('attendance.add')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconClipboardList size={18} />}
                onClick={() => setDialog({ kind: 'paste' })}
                data-testid="attendance-paste"
              >
                {t('attendance.paste')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {saved && (
        <Alert
          color="teal"
          variant="light"
          py={6}
          withCloseButton
          onClose={() => setSaved(null)}
          data-testid="attendance-grid-saved"
        >
          {saved}
        </Alert>
      )}
      <SegmentedControl
        value={order}
        onChange={(o) => setOrder(o as Order)}
        data={(['position', 'protocol', 'name'] as const).map((o) => ({
          value: o,
          label: t(`attendance.sort.${o}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="attendance-sort"
      />
      {list.rows.length === 0 ? (
        <Text c="dimmed">{t('attendance.empty')}</Text>
      ) : (
        <AttendanceTable
          rows={list.rows}
          readOnly={readOnly}
          canMove={order === 'position' && !busy}
          onEdit={(row) => {
            setWriteError(null);
            setDialog({ kind: 'edit', row });
          }}
          onRemove={(row) => setDialog({ kind: 'remove', row })}
          onMove={move}
        />
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <AttendeeModal
          row={dialog.kind === 'edit' ? dialog.row : null}
          error={writeError}
          onReload={reload}
          onDismissError={() => setWriteError(null)}
          onSubmit={(v) => submit(v, dialog.kind === 'edit' ? dialog.row : null)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened
          title={t('attendance.removeTitle')}
          text={t('attendance.removeText', { name: dialog.row.fullName })}
          busy={busy}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            const id = dialog.row.id;
            setDialog(null);
            void write(
              async () => (await call('attendance/remove', { meetingId, version, id })).meetingVersion,
            );
          }}
        />
      )}
      {dialog?.kind === 'grid' && (
        <AttendanceGrid
          meetingId={meetingId}
          version={version}
          rows={list.rows}
          sealed={readOnly}
          onReload={reload}
          onSaved={(v, changed) => {
            setDialog(null);
            onVersion(v);
            // A correction sealed the record again: the whole record is read anew (seal, history).
            if (readOnly) onReplaced();
            else {
              setSaved(t('attendance.grid.saved', { n: changed }));
              setReloads((n) => n + 1);
            }
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'paste' && (
        <PasteModal
          meetingId={meetingId}
          version={version}
          onAdded={(v) => {
            onVersion(v);
            setReloads((n) => n + 1);
          }}
          onReload={reload}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
