import { type EscalationPolicy, type MatrixContent, type PolicyProblem } from '@accord/raci';
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel, inlineMessage } from '../lib/field-errors';

const SHOWN = 6;

/** Every problem of the draft in one list; each entry takes you to its input. */
export function ProblemSummary({
  problems,
  policy,
  content,
  onJump,
  readOnly,
}: {
  problems: readonly PolicyProblem[];
  policy: EscalationPolicy;
  content: MatrixContent;
  onJump: (field: string) => void;
  readOnly: boolean;
}) {
  const [all, setAll] = useState(false);
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, SHOWN);
  const title = readOnly
    ? `This policy has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`
    : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix before saving`;
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={title}
      role="alert"
      aria-live="polite"
    >
      <List size="sm" spacing={4}>
        {shown.map((problem, index) => (
          <List.Item key={`${problem.field}-${index}`}>
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onJump(problem.field)}>
              {fieldLabel(problem.field, policy, content)}
            </Anchor>
            <Text span size="sm">
              : {inlineMessage(problem.field, problem.message)}
            </Text>
          </List.Item>
        ))}
      </List>
      {problems.length > SHOWN ? (
        <Anchor component="button" type="button" size="sm" mt="xs" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${problems.length}`}
        </Anchor>
      ) : null}
    </Alert>
  );
}
