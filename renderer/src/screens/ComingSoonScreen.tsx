import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHammer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Section = 'reports' | 'usb';

// What each section will hold, in the order a clerk would look for it (full keys keep them type-checked).
const ITEMS = {
  reports: [
    'coming.reports.items.conclusion',
    'coming.reports.items.minutes',
    'coming.reports.items.attendance',
    'coming.reports.items.photos',
    'coming.reports.items.period',
    'coming.reports.items.layout',
  ],
  usb: [
    'coming.usb.items.export',
    'coming.usb.items.verify',
    'coming.usb.items.merge',
    'coming.usb.items.browse',
  ],
} as const;

/**
 * A section that is not built yet says so plainly and describes what it will do: no sample data, no
 * buttons that do nothing.
 */
export function ComingSoonScreen({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={800} data-testid={`coming-${section}`}>
      <Group gap="sm">
        <Title order={2}>{t(`coming.${section}.title`)}</Title>
        <Badge
          color="orange"
          variant="light"
          size="lg"
          leftSection={<IconHammer size={14} />}
          data-testid="coming-badge"
        >
          {t('coming.badge')}
        </Badge>
      </Group>
      <Text size="lg">{t(`coming.${section}.description`)}</Text>
      <Paper withBorder p="lg" radius="md">
        <Text fw={500} mb="sm">
          {t('coming.intro')}
        </Text>
        <List spacing="xs">
          {ITEMS[section].map((item) => (
            <List.Item key={item}>{t(item)}</List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
