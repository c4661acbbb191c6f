import type { Child } from "hono/jsx";
import { csrfField } from "../http/csrf";
import { usePage } from "./page-context";

/** The hidden CSRF field every POST form carries. */
export function CsrfField() {
  return <input type="hidden" name={csrfField} value={usePage().csrfToken} />;
}

/** A POST form with the CSRF field already inside. */
export function PostForm(props: {
  action: string;
  children?: Child;
  class?: string;
  multipart?: boolean;
  id?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      id={props.id}
      enctype={props.multipart ? "multipart/form-data" : undefined}
    >
      <CsrfField />
      {props.children}
    </form>
  );
}

/** A labelled form field with its error tied to the control (aria-describedby, aria-invalid). */
export function Field(props: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (attrs: {
    id: string;
    name: string;
    "aria-invalid"?: "true";
    "aria-describedby"?: string;
    required?: boolean;
  }) => Child;
}) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={props.error ? "field field-error" : "field"}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required"> (必填)</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-text" id={`${id}-error`}>
          错误:{props.error}
        </p>
      ) : null}
      {props.children({
        id,
        name: props.name,
        "aria-invalid": props.error ? "true" : undefined,
        "aria-describedby": describedBy || undefined,
        required: props.required,
      })}
    </div>
  );
}

/** Summary of every field error at the top of a form, announced to screen readers. */
export function ErrorSummary(props: {
  errors?: Record<string, string>;
  labels?: Record<string, string>;
}) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>提交的内容有 {entries.length} 处需要修改</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#f-${name}`}>
              {props.labels?.[name] ? `${props.labels[name]}:` : ""}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
