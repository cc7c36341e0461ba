import {
  Badge,
  Card,
  Combobox,
  Container,
  NavLink,
  Paper,
  Title,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

const fontStack =
  'Inter, InterVariable, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

/** Accord's brand indigo, a touch deeper and cooler than Mantine's default indigo. */
const accord: MantineColorsTuple = [
  '#eef0ff',
  '#dcdefa',
  '#b5baef',
  '#8c93e5',
  '#6a72dc',
  '#545dd7',
  '#4852d5',
  '#3a43bd',
  '#323baa',
  '#273297',
];

export const theme = createTheme({
  colors: { accord },
  primaryColor: 'accord',
  primaryShade: { light: 6, dark: 4 },
  fontFamily: fontStack,
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: {
    fontFamily: fontStack,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '2.75rem', lineHeight: '1.15' },
      h2: { fontSize: '1.625rem', lineHeight: '1.25' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  components: {
    // Wide enough for the grids' gutters (half a gutter hangs over each side).
    Container: Container.extend({
      defaultProps: { px: { base: 'md', sm: 'xl' } },
    }),
    Card: Card.extend({
      defaultProps: {
        withBorder: true,
        radius: 'lg',
        padding: 'lg',
        shadow: 'xs',
      },
    }),
    // Mantine keeps every closed Select's option list in the page (hidden), each one positioned by
    // floating-ui and watched by resize observers, which re-render the inputs while a page first
    // draws: the matrix filters alone cost a forced layout and two extra renders. Lists are drawn
    // when opened instead.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    Badge: Badge.extend({ defaultProps: { radius: 'sm' } }),
    NavLink: NavLink.extend({
      defaultProps: { variant: 'light' },
      styles: { root: { borderRadius: 'var(--mantine-radius-md)' } },
    }),
    Title: Title.extend({ styles: { root: { letterSpacing: '-0.015em' } } }),
  },
});

/**
 * Mantine's default dimmed grey (#868e96) has a 3.3:1 contrast on white, below WCAG AA for body
 * text; this one keeps the quiet look at 5.9:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636e' },
  dark: {},
});
