import { ApiError, ApiUnreachableError } from '../api/api-error';

/** How a failed submit is shown: messages next to the inputs they name, the rest above the form. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** For the alert above the form; null when the field messages say everything. */
  message: string | null;
}

/**
 * "name must not be empty" under an input labelled "Name" reads twice: the field's own name is
 * dropped from the front of the message, and the rest starts with a capital.
 */
export function fieldMessage(field: string, message: string): string {
  const trimmed = message.trim();
  const withoutField = trimmed.toLowerCase().startsWith(`${field.toLowerCase()} `)
    ? trimmed.slice(field.length + 1)
    : trimmed;
  return withoutField.charAt(0).toUpperCase() + withoutField.slice(1);
}

/** A sentence for any failure, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof ApiUnreachableError) {
    return 'The Accord API could not be reached. Check your connection and try again.';
  }
  return 'Something went wrong. Please try again.';
}

/**
 * Maps a failed request onto a form with the given fields.
 * - 400 with details: each detail of a known field goes next to its input; no alert unless a
 *   detail names a field the form does not have.
 * - Another status with one known field (409 "already taken"): the API's sentence, which names
 *   the conflict ("A client named "Harbor Dental" already exists."), goes next to the input.
 * - Anything else: the message in the alert.
 */
export function toFormErrors<Field extends string>(error: unknown, fields: readonly Field[]): FormErrors<Field> {
  if (!(error instanceof ApiError) || error.details.length === 0) {
    return { fields: {}, message: errorMessage(error) };
  }
  const known = new Set<string>(fields);
  const result: Partial<Record<Field, string>> = {};
  const unknown: string[] = [];
  for (const detail of error.details) {
    if (!known.has(detail.field)) {
      unknown.push(`${detail.field} ${detail.message}`);
      continue;
    }
    const field = detail.field as Field;
    result[field] ??= fieldMessage(field, detail.message);
  }
  const mapped = Object.keys(result) as Field[];
  const [onlyField] = mapped;
  if (error.statusCode !== 400 && mapped.length === 1 && onlyField !== undefined && unknown.length === 0) {
    result[onlyField] = error.message;
  }
  if (mapped.length === 0) return { fields: {}, message: error.message };
  return { fields: result, message: unknown.length > 0 ? `${error.message}: ${unknown.join('; ')}` : null };
}
