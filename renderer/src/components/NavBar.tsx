import type { ComponentType } from 'react';
import { NavLink, Stack } from '@mantine/core';
import {
  IconAddressBook,
  IconCalendarEvent,
  IconChecklist,
  IconDatabaseImport,
  IconDeviceUsb,
  IconFileImport,
  IconReportAnalytics,
  IconSearch,
  IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hrefOf, SECTIONS, type Section } from '../router/route';

const ICONS: Record<Section, ComponentType<{ size?: number; stroke?: number }>> = {
  meetings: IconCalendarEvent,
  import: IconFileImport,
  tasks: IconChecklist,
  search: IconSearch,
  people: IconAddressBook,
  reports: IconReportAnalytics,
  usb: IconDeviceUsb,
  usbMerge: IconDatabaseImport,
  settings: IconSettings,
  trash: IconTrash,
};

interface Props {
  active: Section | null;
  onNavigate: () => void;
}

export function NavBar({ active, onNavigate }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} p="sm" component="nav" aria-label={t('app.name')}>
      {SECTIONS.map((section) => {
        const Icon = ICONS[section];
        return (
          <NavLink
            key={section}
            component="a"
            href={hrefOf({ name: section })}
            label={t(`nav.${section}`)}
            leftSection={<Icon size={20} stroke={1.6} />}
            active={active === section}
            aria-current={active === section ? 'page' : undefined}
            onClick={onNavigate}
            data-testid={`nav-${section}`}
          />
        );
      })}
    </Stack>
  );
}
