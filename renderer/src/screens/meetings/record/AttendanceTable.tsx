import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow } from '../../../../../contract/recordContract';

const STATUS_COLOR = { co_mat: 'teal', den_muon: 'yellow', vang_co_ly_do: 'orange', vang: 'red' } as const;

/** The attendance rows; edit / remove / move buttons only when the clerk may change the list. */
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
  onMove: (index: number, delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  return (
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
          {rows.map((r, i) => (
            <Table.Tr key={r.id} data-testid="attendance-row" data-status={r.status}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td fw={500}>{r.fullName}</Table.Td>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Td>{r.titles}</Table.Td>
              <Table.Td>{r.unit}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`attendance.role.${r.role}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600} c={`${STATUS_COLOR[r.status]}.8`}>
                  {t(`attendance.status.${r.status}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.absenceReason}</Text>
              </Table.Td>
              {!readOnly && (
                <Table.Td>
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
                    {canMove && (
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
                          disabled={i === rows.length - 1}
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
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
