import { RACI_LETTER_NAMES, type RaciLetter } from '@accord/raci';
import { Badge, Text } from '@mantine/core';

/** The grid's letter colours, so a letter looks the same on every page. */
export const LETTER_COLORS: Readonly<Record<RaciLetter, string>> = { R: 'blue', A: 'grape', C: 'teal', I: 'gray' };

/** One RACI letter, with its name for screen readers; a dash for no letter. */
export function LetterBadge({ letter, size = 'md' }: { letter: RaciLetter | null | undefined; size?: 'sm' | 'md' }) {
  if (!letter) {
    return (
      <Text span c="dimmed" size="sm" aria-label="no letter">
        –
      </Text>
    );
  }
  return (
    <Badge
      color={LETTER_COLORS[letter]}
      variant="light"
      radius="sm"
      size={size}
      title={RACI_LETTER_NAMES[letter]}
      aria-label={RACI_LETTER_NAMES[letter]}
    >
      {letter}
    </Badge>
  );
}
