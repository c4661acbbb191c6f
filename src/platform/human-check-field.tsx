import { Field } from "../ui/forms";
import { type HumanChallenge, humanCheckFields } from "./human-check";

/**
 * The human check inside a form: the question as a label (no image), the signed token, and a
 * honeypot hidden from people and screen readers alike.
 */
export function HumanCheckField(props: { challenge: HumanChallenge; error?: string }) {
  return (
    <fieldset class="human-check">
      <legend>验证问题</legend>
      <input type="hidden" name={humanCheckFields.token} value={props.challenge.token} />
      <Field
        name={humanCheckFields.answer}
        label={props.challenge.question}
        error={props.error}
        hint="用于确认是人在填写,不使用图片验证码。"
        required
      >
        {(attrs) => (
          <input
            {...attrs}
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength={3}
            size={4}
          />
        )}
      </Field>
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-hc_website">网址(请勿填写)</label>
        <input
          type="text"
          id="f-hc_website"
          name={humanCheckFields.honeypot}
          tabindex={-1}
          autocomplete="off"
        />
      </div>
    </fieldset>
  );
}
