import { Badge, createTheme } from '@mantine/core';

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
