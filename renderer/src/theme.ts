import { Alert, Badge, Drawer, Modal, PasswordInput, Pill, createTheme, type MantineThemeOverride } from '@mantine/core';

// Be Vietnam Pro is bundled (see main.tsx): designed for Vietnamese, so stacked marks such as ễ, ậ, ở
// render cleanly on office PCs whatever fonts Windows happens to have.
const FONT = "'Be Vietnam Pro', 'Segoe UI', system-ui, sans-serif";

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '600' },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    // Upper-cased Vietnamese badges ("BẢN NHÁP") read as shouting and crowd the tone marks.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});

/** Labels of the buttons Mantine draws itself, in the UI's language (its defaults are English or none). */
export interface ThemeLabels {
  showPassword: string;
  close: string;
  removeItem: string;
}

/** The theme with Mantine's own buttons labelled: the password eye, a dialog's ×, an alert's ×, a tag's ×. */
export function localizedTheme(labels: ThemeLabels): MantineThemeOverride {
  return {
    ...theme,
    components: {
      ...theme.components,
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': labels.showPassword, title: labels.showPassword } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: labels.close } }),
      Pill: Pill.extend({ defaultProps: { removeButtonProps: { 'aria-label': labels.removeItem } } }),
    },
  };
}
