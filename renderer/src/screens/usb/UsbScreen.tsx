import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { USB_PANELS } from './panels';

/** Xuất ra USB (`#/usb`): one tab per panel of panels.ts (export, and verify a bag already written). */
export function UsbScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="usb-screen">
      <Title order={2}>{t('nav.usb')}</Title>
      <Text size="sm" c="dimmed">
        {t('usbArchive.intro')}
      </Text>
      <Tabs defaultValue={USB_PANELS[0]!.id} keepMounted={false}>
        <Tabs.List>
          {USB_PANELS.map((p) => (
            <Tabs.Tab key={p.id} value={p.id} data-testid={`usb-tab-${p.id}`}>
              {t(p.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {USB_PANELS.map((p) => (
          <Tabs.Panel key={p.id} value={p.id} pt="md">
            <p.Component />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
