import { Badge, Box, Text } from '@mantine/core';
import { CRITICAL_MEANING, LETTER_MEANINGS } from '../lib/letter-meanings';
import { LETTER_COLORS } from './matrix-grid';
import classes from './raci-legend.module.css';

/**
 * What R, A, C and I mean, in plain words, with the grid's letter colours. `compact` gives one
 * line per letter without the longer explanation (for the chart).
 */
export function RaciLegend({ compact = false, withCritical = false }: { compact?: boolean; withCritical?: boolean }) {
  return (
    <Box className={classes.legend}>
      <Text size="sm" fw={600} mb={6}>
        What the letters mean
      </Text>
      <dl className={compact ? `${classes.list} ${classes.compact}` : classes.list}>
        {LETTER_MEANINGS.map((meaning) => (
          <div key={meaning.letter} className={classes.entry}>
            <dt className={classes.term}>
              <Badge
                color={LETTER_COLORS[meaning.letter]}
                variant="filled"
                radius="sm"
                aria-hidden
                className={classes.badge}
              >
                {meaning.letter}
              </Badge>
              <Text span size="sm" fw={600}>
                {meaning.name}
              </Text>
            </dt>
            <dd className={classes.description}>
              <Text span size="sm" c="dimmed">
                {compact ? meaning.meaning : meaning.explanation}
              </Text>
            </dd>
          </div>
        ))}
        {withCritical ? (
          <div className={classes.entry}>
            <dt className={classes.term}>
              <Badge color="red" variant="light" radius="sm" tt="none">
                Critical
              </Badge>
            </dt>
            <dd className={classes.description}>
              <Text span size="sm" c="dimmed">
                {CRITICAL_MEANING}
              </Text>
            </dd>
          </div>
        ) : null}
      </dl>
    </Box>
  );
}
