// Small form controls over ui/forms Field: every control labelled, its error tied to it.
import { Field } from "../../ui/forms";

export interface FieldState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function TextInput(props: {
  state: FieldState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: string;
  autocomplete?: string;
}) {
  return (
    <Field
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={props.state.errors[props.name]}
      required={props.required}
    >
      {(attrs) => (
        <input
          {...attrs}
          type={props.type ?? "text"}
          value={props.state.values[props.name] ?? ""}
          autocomplete={props.autocomplete}
          required={false}
        />
      )}
    </Field>
  );
}

export function TextArea(props: {
  state: FieldState;
  name: string;
  label: string;
  hint?: string;
  rows?: number;
}) {
  return (
    <Field
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={props.state.errors[props.name]}
    >
      {(attrs) => (
        <textarea {...attrs} rows={props.rows ?? 4}>
          {props.state.values[props.name] ?? ""}
        </textarea>
      )}
    </Field>
  );
}

export function Select(props: {
  state: FieldState;
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  required?: boolean;
  hint?: string;
  placeholder?: string;
}) {
  const current = props.state.values[props.name] ?? "";
  return (
    <Field
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={props.state.errors[props.name]}
      required={props.required}
    >
      {(attrs) => (
        <select {...attrs} required={false}>
          <option value="">{props.placeholder ?? "请选择"}</option>
          {props.options.map(([value, label]) => (
            <option value={value} selected={value === current}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A radio group as a fieldset; the first radio carries the id the error summary links to. */
export function RadioGroup(props: {
  state: FieldState;
  name: string;
  legend: string;
  options: readonly (readonly [string, string])[];
  fallback?: string;
}) {
  const current = props.state.values[props.name] ?? props.fallback ?? "";
  const error = props.state.errors[props.name];
  const errorId = `f-${props.name}-error`;
  return (
    <fieldset
      class={error ? "field field-error" : "field"}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {props.legend}
        <span class="required"> (必填)</span>
      </legend>
      {error ? (
        <p class="error-text" id={errorId}>
          错误:{error}
        </p>
      ) : null}
      {props.options.map(([value, label], index) => (
        <label class="choice">
          <input
            type="radio"
            name={props.name}
            value={value}
            id={index === 0 ? `f-${props.name}` : `f-${props.name}-${value}`}
            checked={value === current}
          />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
