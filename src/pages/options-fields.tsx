import { t } from '../platform/i18n';

interface FieldProps {
  name: string;
  label: string;
  /** Message key of the field's error, if any. */
  error?: string | undefined;
  hint?: string;
}

/** A number input; its error is tied to it for screen readers (aria-invalid + aria-describedby). */
export function NumberField({
  name,
  label,
  error,
  hint,
  value,
  min,
  max,
  step = 1,
  onInput,
}: FieldProps & { value: string; min: number; max: number; step?: number; onInput: (value: string) => void }) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        value={value}
        min={min}
        max={max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {hint && (
        <span id={`${name}-hint`} class="muted field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} class="field-error" role="alert">
          {t(error)}
        </span>
      )}
    </div>
  );
}

export function CheckField({ name, label, error, hint, checked, onChange }: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class={`field field-check${error ? ' field-invalid' : ''}`}>
      <input
        id={`f-${name}`}
        name={name}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${name}-hint` : undefined}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={`f-${name}`}>{label}</label>
      {hint && (
        <span id={`${name}-hint`} class="muted field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" role="alert">
          {t(error)}
        </span>
      )}
    </div>
  );
}
