import { CloseButton, createTheme, type CloseButtonProps, darken, DEFAULT_THEME, Drawer, luminance, Modal, MultiSelect, Select, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { dialogClosed, dialogOpened } from '../lib/focus';

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Shades 6–9 are what text, filled badges and buttons, light-variant labels and marks use. Mantine's yellow, orange,
 * green, cyan … are too light there (2:1 on white): each is darkened until it holds 5.8:1 on white, which leaves
 * more than 4.5:1 on the tinted light-variant background, the grey page and white text on a filled badge.
 */
export const TEXT_CONTRAST = 5.8;

function readable(shade: string): string {
  let colour = shade;
  while (contrast(colour, '#ffffff') < TEXT_CONTRAST) colour = darken(colour, 0.05);
  return colour;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [name, shades.map((s, i) => (i >= 6 ? readable(s) : s)) as unknown as MantineColorsTuple]),
);

// The month and year in the header name their own buttons by their visible text.
const CALENDAR_LABELS = {
  nextMonth: 'Næste måned',
  previousMonth: 'Forrige måned',
  nextYear: 'Næste år',
  previousYear: 'Forrige år',
  nextDecade: 'Næste årti',
  previousDecade: 'Forrige årti',
};

const DIALOG = {
  closeButtonProps: { 'aria-label': 'Luk' },
  trapFocus: true,
  returnFocus: true,
  closeOnEscape: true,
  onEnterTransitionEnd: dialogOpened,
  onExitTransitionEnd: dialogClosed,
};

export const theme = createTheme({
  colors,
  primaryColor: 'blue',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  // Mantine's close and clear buttons carry no Danish name of their own. Every dialog and drawer keeps focus inside,
  // closes on Escape and gives focus back to what opened it.
  components: {
    CloseButton: CloseButton.extend({ defaultProps: { 'aria-label': 'Luk' } as Partial<CloseButtonProps> }),
    Modal: Modal.extend({ defaultProps: DIALOG }),
    Drawer: Drawer.extend({ defaultProps: DIALOG }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Ryd' } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Ryd' } } }),
    // The calendar's arrows are named in Danish, and the neighbouring months' pale days are left out.
    DateInput: DateInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Ryd' }, ariaLabels: CALENDAR_LABELS, hideOutsideDates: true } }),
    TimePicker: TimePicker.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Ryd' } } }),
  },
});

/** Dimmed text (grey 6) is dark enough now; placeholders take the old dimmed grey, light enough to read as a hint. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': DEFAULT_THEME.colors.gray[6] },
  dark: {},
});
