import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconChecks, IconDeviceFloppy } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { countAttendance } from '../../../../../contract/attendanceCounts';
import type { AttendanceRow } from '../../../../../contract/recordContract';
import { ATTENDANCE_STATUSES } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { setLeaveGuard } from '../../../router/useRoute';
import { createCloseGuard } from '../closeGuard';
import { AttendanceCountsBar } from './AttendanceCountsBar';
import { ConfirmActionModal } from './ConfirmActionModal';
import { RecordError } from './RecordError';
import {
  changedRows,
  isChanged,
  mark,
  markOf,
  missingReasons,
  statusOfKey,
  type Marks,
} from './attendanceGrid';
import type { Status } from './options';
import { useRecordWrite } from './useRecordWrite';

const ROW_HEIGHT = 44;
const STATUS_COLOR = { co_mat: 'teal', vang_co_ly_do: 'orange', vang: 'red', den_muon: 'yellow' } as const;
const rowDomId = (id: string) => `grid-row-${id}`;
/** The hook's report of the new version: the grid tells its host through onSaved, with the count. */
const keepVersion = () => {};

interface Props {
  meetingId: string;
  version: number;
  /** Every attendee, in the tab's current order. */
  rows: AttendanceRow[];
  /** The record is finalized: the save is a correction (meetings/correct) with a written reason. */
  sealed: boolean;
  /** Fetches the list and the meeting's version again; the marks are kept (they are keyed by row). */
  onReload: () => void;
  /** Stored: the meeting's new version and how many rows changed. */
  onSaved: (meetingVersion: number, changed: number) => void;
  onClose: () => void;
}

/**
 * Điểm danh nhanh: every attendee on one keyboard-driven table. ↑/↓ move, 1–4 mark (the selected rows
 * when the current row is one of them, else the current row, then the next row), Enter/Tab opens the
 * reason of an excused absence, Space selects, Ctrl+A selects all, Ctrl+S saves. One save sends only the
 * rows that changed, in one transaction; a sealed record is saved as a correction with its reason.
 * Only the rows on screen are rendered, so 300 attendees scroll as lightly as 10.
 */
export function AttendanceGrid({ meetingId, version, rows, sealed, onReload, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Marks>({});
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A failed save keeps the marks (they are this component's state): the clerk reads why, and saves
  // again (after "Tải lại" on a conflict).
  const { busy, error, clearError, run } = useRecordWrite(version, keepVersion);
  const [notice, setNotice] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  /** Set while the question answers a navigation away (Back, another address): what goes on to it. */
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  // The dialog mounts its content in a portal after this component's first render: the element comes
  // as state, so the virtualizer is given it (a plain ref would leave it measuring nothing).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const reasonInputs = useRef(new Map<string, HTMLInputElement>());

  const changes = useMemo(() => changedRows(rows, marks), [rows, marks]);
  const counts = useMemo(
    () => countAttendance(rows.map((r) => ({ role: r.role, status: markOf(r, marks).status }))),
    [rows, marks],
  );
  const dirty = changes.length > 0;
  const at = Math.min(active, Math.max(rows.length - 1, 0));

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's instance is mutable (see VirtualTable)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });

  const focusGrid = () => gridRef.current?.focus();
  const goTo = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const focusReason = (i: number) => {
    const row = rows[i];
    if (!row) return;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // The row is on screen after the scroll; its input mounts with it.
    requestAnimationFrame(() => reasonInputs.current.get(row.id)?.focus());
  };

  const setStatus = (ids: ReadonlySet<string>, status: Status) => {
    setNotice(null);
    setMarks((m) => mark(rows, m, ids, status));
  };

  const save = useCallback(async (): Promise<boolean> => {
    setNotice(null);
    const missing = missingReasons(rows, marks);
    if (missing.length > 0) {
      setNotice(t('attendance.grid.reasonMissing', { n: missing.length }));
      setActive(missing[0]!);
      focusReason(missing[0]!);
      return false;
    }
    if (sealed && !reason.trim()) {
      setNotice(t('attendance.grid.correctReasonMissing'));
      return false;
    }
    if (changes.length === 0) return true;
    const reply = await run<{ meetingVersion: number }>((v) =>
      sealed
        ? call('meetings/correct', {
            id: meetingId,
            version: v,
            reason: reason.trim(),
            change: { kind: 'attendance/set-statuses', rows: changes },
          })
        : call('attendance/set-statuses', { meetingId, version: v, rows: changes }),
    );
    if (!reply) return false;
    onSaved(reply.meetingVersion, changes.length);
    return true;
    // focusReason only scrolls and focuses; it reads nothing the callback must follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, marks, sealed, reason, changes, meetingId, run, onSaved, t]);

  // Closing the desktop window with marks not saved: the first close saves them (closeGuard.ts, as the
  // meeting form does); in a browser the page asks before it goes.
  const pending = useRef({ dirty, save });
  useEffect(() => {
    pending.current = { dirty, save };
  }, [dirty, save]);
  useEffect(() => {
    const onBeforeUnload = window.archive
      ? createCloseGuard({
          pending: () => pending.current.dirty,
          save: () => pending.current.save(),
          close: () => window.close(),
        })
      : (e: BeforeUnloadEvent) => {
          if (!pending.current.dirty) return;
          e.preventDefault();
          e.returnValue = '';
        };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  // Going to another page inside the app (Back, Forward, an address typed) with marks not saved asks
  // the same question as closing the dialog; the page stays until the clerk answers.
  useEffect(
    () =>
      setLeaveGuard((proceed) => {
        if (!pending.current.dirty) return false;
        setLeaving(() => proceed);
        setAsking(true);
        return true;
      }),
    [],
  );

  const requestClose = () => {
    if (busy) return;
    if (dirty) setAsking(true);
    else onClose();
  };

  function onGridKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return; // a reason being typed, a checkbox or a button
    const row = rows[at];
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      void save();
      return;
    }
    if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      setSelected(new Set(rows.map((r) => r.id)));
      return;
    }
    if (ctrl || e.altKey || !row) return;
    const status = statusOfKey(e.key);
    if (status) {
      e.preventDefault();
      const many = selected.has(row.id) && selected.size > 1;
      setStatus(many ? selected : new Set([row.id]), status);
      if (status === 'vang_co_ly_do') {
        // The reason is next: Enter or Tab opens it on this row.
      } else if (!many) goTo(at + 1);
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        goTo(at + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        goTo(at - 1);
        break;
      case 'PageDown':
        e.preventDefault();
        goTo(at + 10);
        break;
      case 'PageUp':
        e.preventDefault();
        goTo(at - 10);
        break;
      case 'Home':
        e.preventDefault();
        goTo(0);
        break;
      case 'End':
        e.preventDefault();
        goTo(rows.length - 1);
        break;
      case ' ':
        e.preventDefault();
        setSelected((s) => toggled(s, row.id));
        break;
      case 'Enter':
      case 'Tab':
        if (!e.shiftKey && markOf(row, marks).status === 'vang_co_ly_do') {
          e.preventDefault();
          focusReason(at);
        }
        break;
    }
  }

  function onReasonKey(e: KeyboardEvent<HTMLInputElement>, i: number) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) {
      e.preventDefault();
      goTo(i + 1);
      focusGrid();
    } else if (e.key === 'Escape') {
      // Back to the table, not out of the dialog.
      e.preventDefault();
      e.stopPropagation();
      setActive(i);
      focusGrid();
    }
  }

  const activeRow = rows[at];
  const statusButtons = (onPick: (s: Status) => void, current: Status | null, testId: string) =>
    ATTENDANCE_STATUSES.map((s, k) => (
      <Button
        key={s}
        size="compact-sm"
        tabIndex={-1}
        variant={current === s ? 'filled' : 'default'}
        color={STATUS_COLOR[s]}
        aria-pressed={current === s}
        onClick={() => onPick(s)}
        data-testid={`${testId}-${s}`}
      >
        {k + 1} {t(`attendance.status.${s}`)}
      </Button>
    ));

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        closeOnEscape={!asking}
        size={1280}
        yOffset={16}
        title={sealed ? t('attendance.grid.correctTitle') : t('attendance.grid.title')}
        data-testid="attendance-grid"
      >
        <Stack gap="xs">
          {error && (
            <RecordError
              error={error}
              onReload={() => {
                clearError();
                onReload();
              }}
              onClose={clearError}
            />
          )}
          {sealed && (
            <Text size="sm" c="dimmed">
              {t('attendance.grid.correctExplain')}
            </Text>
          )}
          <Group justify="space-between" wrap="nowrap">
            <AttendanceCountsBar counts={counts} />
            <Button
              size="compact-sm"
              variant="light"
              color="teal"
              leftSection={<IconChecks size={16} />}
              onClick={() => setStatus(new Set(rows.map((r) => r.id)), 'co_mat')}
              style={{ flexShrink: 0 }}
              data-testid="attendance-grid-all-present"
            >
              {t('attendance.grid.allPresent')}
            </Button>
          </Group>
          {/* While rows are selected, the line of keys gives way to what marks them all. */}
          {selected.size > 0 ? (
            <Group gap="xs" wrap="nowrap" h={26}>
              <Text size="sm" data-testid="attendance-grid-selected">
                {t('attendance.grid.selected', { n: selected.size })}
              </Text>
              {statusButtons((s) => setStatus(selected, s), null, 'attendance-grid-mark')}
              <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())}>
                {t('attendance.grid.clearSelection')}
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed" h={26} style={{ display: 'flex', alignItems: 'center' }}>
              {t('attendance.grid.keys')}
            </Text>
          )}
          <div
            ref={(el) => {
              gridRef.current = el;
              setScrollElement(el);
            }}
            role="grid"
            tabIndex={0}
            // The dialog's focus trap puts the cursor here on opening: the keys work at once.
            data-autofocus
            aria-label={t('attendance.grid.label')}
            aria-rowcount={rows.length}
            aria-multiselectable
            aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined}
            onKeyDown={onGridKey}
            data-testid="attendance-grid-rows"
            style={{
              // What is left of a 768-pixel-high screen once the dialog's other lines are laid out.
              height: `min(calc(100vh - ${sealed ? 400 : 300}px), 640px)`,
              minHeight: 180,
              overflowY: 'auto',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-sm)',
              outlineOffset: 2,
            }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const r = rows[item.index]!;
                const m = markOf(r, marks);
                const isActive = item.index === at;
                const changed = isChanged(r, marks);
                return (
                  <div
                    key={r.id}
                    id={rowDomId(r.id)}
                    role="row"
                    aria-rowindex={item.index + 1}
                    aria-selected={selected.has(r.id)}
                    data-testid="attendance-grid-row"
                    data-status={m.status}
                    data-changed={changed || undefined}
                    data-active={isActive || undefined}
                    onMouseDown={() => setActive(item.index)}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                      display: 'grid',
                      gridTemplateColumns:
                        '36px 44px minmax(0, 2fr) minmax(0, 2fr) auto minmax(160px, 1.4fr)',
                      alignItems: 'center',
                      gap: 8,
                      padding: '0 8px',
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                      background: isActive
                        ? 'var(--mantine-color-blue-light)'
                        : selected.has(r.id)
                          ? 'var(--mantine-color-gray-1)'
                          : undefined,
                      boxShadow: isActive ? 'inset 3px 0 0 var(--mantine-color-blue-filled)' : undefined,
                    }}
                  >
                    <Checkbox
                      tabIndex={-1}
                      checked={selected.has(r.id)}
                      onChange={() => {
                        setSelected((s) => toggled(s, r.id));
                        focusGrid();
                      }}
                      aria-label={t('attendance.grid.selectRow', { name: r.fullName })}
                    />
                    <Text size="sm" c="dimmed" ta="right" role="gridcell">
                      {item.index + 1}
                      {changed ? ' •' : ''}
                    </Text>
                    <Text size="sm" fw={500} truncate="end" role="gridcell" title={r.fullName}>
                      {[r.rank, r.fullName].filter(Boolean).join(' ')}
                      {r.role !== 'dai_bieu' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t(`attendance.role.${r.role}`)})
                        </Text>
                      )}
                    </Text>
                    <Text size="sm" truncate="end" role="gridcell" title={r.titles}>
                      {r.titles}
                    </Text>
                    <Group gap={4} wrap="nowrap" role="gridcell">
                      {statusButtons(
                        (s) => {
                          setStatus(new Set([r.id]), s);
                          setActive(item.index);
                          if (s === 'vang_co_ly_do') focusReason(item.index);
                          else focusGrid();
                        },
                        m.status,
                        'attendance-grid-status',
                      )}
                    </Group>
                    <div role="gridcell">
                      {m.status === 'vang_co_ly_do' && (
                        <TextInput
                          size="xs"
                          tabIndex={-1}
                          ref={(el) => {
                            if (el) reasonInputs.current.set(r.id, el);
                            else reasonInputs.current.delete(r.id);
                          }}
                          value={m.absenceReason}
                          maxLength={500}
                          placeholder={t('attendance.grid.reasonPlaceholder')}
                          aria-label={t('attendance.reason')}
                          error={!m.absenceReason.trim()}
                          onChange={(e) => {
                            const text = e.currentTarget.value;
                            setMarks((cur) => ({
                              ...cur,
                              [r.id]: { status: 'vang_co_ly_do', absenceReason: text },
                            }));
                          }}
                          onKeyDown={(e) => onReasonKey(e, item.index)}
                          data-testid="attendance-grid-reason"
                        />
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
          {sealed && (
            <Textarea
              label={t('attendance.grid.correctReason')}
              placeholder={t('attendance.grid.correctReasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={1}
              maxLength={2000}
              withAsterisk
              data-testid="attendance-grid-correct-reason"
            />
          )}
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {dirty ? (
                <Badge color="orange" variant="light" data-testid="attendance-grid-changed">
                  {t('attendance.grid.changed', { n: changes.length })}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('attendance.grid.unchanged')}
                </Text>
              )}
              {notice && (
                <Text size="sm" fw={500} c="orange.9" role="alert" data-testid="attendance-grid-notice">
                  {notice}
                </Text>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={requestClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                loading={busy}
                disabled={!dirty}
                onClick={() => void save()}
                data-testid="attendance-grid-save"
              >
                {t('attendance.grid.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
      <ConfirmActionModal
        opened={asking}
        title={t('attendance.grid.leaveTitle')}
        message={t('attendance.grid.leaveText', { n: changes.length })}
        confirmLabel={t('attendance.grid.leaveConfirm')}
        onClose={() => {
          setAsking(false);
          setLeaving(null);
          focusGrid();
        }}
        onConfirm={() => {
          setAsking(false);
          setLeaving(null);
          onClose();
          leaving?.();
        }}
        confirmTestId="attendance-grid-discard"
      />
    </>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
