import { NumberInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { formatMinutes, parseMinutes } from '../lib/minutes';

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Minutes, typed as a number and read back in friendly units ("= 4 h"). The input keeps what is
 * being typed ("", "-") while the policy holds NaN for it, so the validator can say what is wrong
 * and the text is not wiped under the cursor.
 */
export function MinutesInput({
  id,
  label,
  value,
  onChange,
  error,
  readOnly,
  hideLabel = false,
  description,
  w,
}: {
  id: string;
  label: ReactNode;
  value: number;
  onChange: (minutes: number) => void;
  error?: string | undefined;
  readOnly: boolean;
  /** For inputs in a table whose column header says it: the label stays for screen readers. */
  hideLabel?: boolean;
  description?: ReactNode;
  w?: number | string;
}) {
  const [text, setText] = useState<string | number>(Number.isNaN(value) ? '' : value);
  // Someone else changed the value (undo, a merge, a reload): show theirs.
  if (!sameNumber(parseMinutes(text), value)) setText(Number.isNaN(value) ? '' : value);
  const friendly = formatMinutes(value);
  // Whole hours and days read better than 240 minutes; small numbers need no translation.
  const friendlyText = friendly && value >= 60 ? `= ${friendly}` : null;
  return (
    <NumberInput
      id={id}
      label={hideLabel ? undefined : label}
      aria-label={hideLabel && typeof label === 'string' ? label : undefined}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parseMinutes(next));
      }}
      error={error}
      readOnly={readOnly}
      allowDecimal={false}
      clampBehavior="none"
      hideControls
      suffix=" min"
      description={
        friendlyText ? (
          <>
            {description ? <>{description} · </> : null}
            {friendlyText}
          </>
        ) : (
          description
        )
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      w={w}
    />
  );
}
