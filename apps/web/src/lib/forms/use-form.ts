import { type ChangeEvent, type FormEvent, useCallback, useRef, useState } from 'react';

type Errors<V> = Partial<Record<keyof V, string>>;

export interface UseFormOptions<V extends Record<string, string>> {
  initialValues: V;
  /** Checks run before submitting; an entry means that field is wrong. */
  validate?: (values: V) => Errors<V>;
}

/**
 * A small form state: values, per-field errors (from `validate` or from the API, via `setErrors`)
 * and props for Mantine inputs. A field's error clears as soon as it is edited.
 */
export function useForm<V extends Record<string, string>>({ initialValues, validate }: UseFormOptions<V>) {
  // Read once, like useState's initial value.
  const initial = useRef(initialValues);
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<Errors<V>>({});

  const setValue = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));
  }, []);

  /** For TextInput, PasswordInput and other inputs whose onChange gives an event. */
  const inputProps = (field: keyof V) => ({
    value: values[field],
    error: errors[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(field, event.currentTarget.value as V[keyof V]),
  });

  /** For Select, whose onChange gives the value (null when cleared). */
  const selectProps = (field: keyof V) => ({
    value: values[field] === '' ? null : values[field],
    error: errors[field],
    onChange: (value: string | null) => setValue(field, (value ?? '') as V[keyof V]),
  });

  const onSubmit = (handler: (values: V) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate?.(values) ?? {};
    const problems = Object.fromEntries(Object.entries(found).filter(([, message]) => Boolean(message))) as Errors<V>;
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    handler(values);
  };

  const reset = useCallback((next?: V) => {
    setValues(next ?? initial.current);
    setErrors({});
  }, []);

  return { values, errors, setValue, setErrors, inputProps, selectProps, onSubmit, reset };
}

/** Moves focus to the first input marked invalid, after React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
