import type { ReactNode } from 'react';
import { Paper, Table, type TableProps } from '@mantine/core';

/**
 * A list fetched whole (tasks, trash, the registers) as a framed table: one header cell a column
 * (null for a column of buttons), the rows as given.
 */
export function ListTable({
  headers,
  children,
  testId,
  ...table
}: {
  headers: readonly (string | null)[];
  children: ReactNode;
  testId?: string;
} & Pick<TableProps, 'verticalSpacing' | 'highlightOnHover'>) {
  return (
    <Paper withBorder radius="md">
      <Table {...table} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Paper>
  );
}
