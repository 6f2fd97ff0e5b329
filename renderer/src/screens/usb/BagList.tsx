import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FoundBag } from '../../../../contract/mergeContract';
import { formatIsoDate } from '../../format/date';

interface Props {
  bags: FoundBag[];
  onChoose: (bag: FoundBag) => void;
  disabled: boolean;
}

/** The bags found on the stick or folder chosen (merge/find-bags), newest first: the clerk picks one. */
export function BagList({ bags, onChoose, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="merge-bags">
      <Text size="sm" fw={600}>
        {t('usbMerge.bags.several', { n: bags.length })}
      </Text>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('usbMerge.bags.date')}</Table.Th>
            <Table.Th>{t('usbMerge.bags.name')}</Table.Th>
            <Table.Th w={140}>{t('usbMerge.bags.meetings')}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bags.map((b) => (
            <Table.Tr key={b.path} data-testid="merge-bag">
              <Table.Td>{formatIsoDate(b.date)}</Table.Td>
              <Table.Td>
                <Text size="sm">{b.name}</Text>
                {b.encrypted && (
                  <Badge size="xs" variant="light" color="grape">
                    {t('usbMerge.bags.encrypted')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{b.meetings === null ? '—' : t('usbMerge.bags.count', { n: b.meetings })}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  disabled={disabled}
                  onClick={() => onChoose(b)}
                  data-testid="merge-bag-choose"
                >
                  {t('usbMerge.bags.choose')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
