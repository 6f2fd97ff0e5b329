import { ActionIcon, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow } from '../../../../../contract/recordContract';

const STATUS_COLOR = { co_mat: 'teal', den_muon: 'yellow', vang_co_ly_do: 'orange', vang: 'red' } as const;

/**
 * The attendance rows; edit / remove / move buttons only when the clerk may change the list. The
 * minute-taker (thư ký) is not one of those who attended: they stand on a line of their own under the
 * table ("Thư ký: …"), as the minutes print them.
 */
export function AttendanceTable({
  rows,
  readOnly,
  canMove,
  onEdit,
  onRemove,
  onMove,
}: {
  rows: AttendanceRow[];
  readOnly: boolean;
  /** Moving makes sense only in the entered order. */
  canMove: boolean;
  onEdit: (row: AttendanceRow) => void;
  onRemove: (row: AttendanceRow) => void;
  /** `index` counts the table's rows (the secretary's line is not one of them). */
  onMove: (index: number, delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const members = rows.filter((r) => r.role !== 'thu_ky');
  const secretaries = rows.filter((r) => r.role === 'thu_ky');
  const actions = (r: AttendanceRow, i: number | null) => (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t('attendance.edit')}>
        <ActionIcon
          variant="subtle"
          onClick={() => onEdit(r)}
          aria-label={t('attendance.edit')}
          data-testid="attendance-edit"
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      {canMove && i !== null && (
        <>
          <ActionIcon
            variant="subtle"
            disabled={i === 0}
            onClick={() => onMove(i, -1)}
            aria-label={t('record.moveUp')}
            data-testid="attendance-up"
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={i === members.length - 1}
            onClick={() => onMove(i, 1)}
            aria-label={t('record.moveDown')}
            data-testid="attendance-down"
          >
            <IconArrowDown size={16} />
          </ActionIcon>
        </>
      )}
      <Tooltip label={t('attendance.remove')}>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => onRemove(r)}
          aria-label={t('attendance.remove')}
          data-testid="attendance-remove"
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  const status = (r: AttendanceRow) => (
    <Text size="sm" fw={600} c={`${STATUS_COLOR[r.status]}.8`} span>
      {t(`attendance.status.${r.status}`)}
    </Text>
  );
  return (
    <Stack gap="sm">
      {members.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            highlightOnHover
            withTableBorder
            verticalSpacing={6}
            styles={{ th: { whiteSpace: 'nowrap' } }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('attendance.column.index')}</Table.Th>
                <Table.Th>{t('attendance.column.fullName')}</Table.Th>
                <Table.Th>{t('attendance.column.rank')}</Table.Th>
                <Table.Th>{t('attendance.column.titles')}</Table.Th>
                <Table.Th>{t('attendance.column.unit')}</Table.Th>
                <Table.Th>{t('attendance.column.role')}</Table.Th>
                <Table.Th>{t('attendance.column.status')}</Table.Th>
                <Table.Th>{t('attendance.column.reason')}</Table.Th>
                {!readOnly && <Table.Th w={140}>{t('attendance.column.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((r, i) => (
                <Table.Tr key={r.id} data-testid="attendance-row" data-status={r.status}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td fw={500}>{r.fullName}</Table.Td>
                  <Table.Td>{r.rank}</Table.Td>
                  <Table.Td>{r.titles}</Table.Td>
                  <Table.Td>{r.unit}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`attendance.role.${r.role}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(r)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.absenceReason}</Text>
                  </Table.Td>
                  {!readOnly && <Table.Td>{actions(r, i)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {secretaries.map((r) => (
        <Paper
          key={r.id}
          withBorder
          px="sm"
          py={6}
          data-testid="attendance-row"
          data-role="thu_ky"
          data-status={r.status}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              <Text span fw={600}>
                {t('attendance.role.thu_ky')}:{' '}
              </Text>
              {[r.rank, r.fullName].filter(Boolean).join(' ')}
              {r.titles ? `, ${r.titles}` : ''}
              {r.unit ? ` (${r.unit})` : ''}
              {r.status !== 'co_mat' && <> — {status(r)}</>}
              {r.absenceReason ? ` (${r.absenceReason})` : ''}
            </Text>
            {!readOnly && actions(r, null)}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
