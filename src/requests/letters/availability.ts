// Which letters a case can have now, from its timeline: a 受理回执 once received, a 补正告知书 once
// a supplement was requested, one 征求意见函 per consultation, and the 答复告知书 of its result.
import { resultLabel } from "../results";
import type { CaseView } from "../service";
import { type LetterKind, letterKindLabels } from "./kinds";

export interface AvailableLetter {
  kind: LetterKind;
  label: string;
  /** Query string selecting the step (consultation), without “?”; "" when none. */
  query: string;
}

/** The letters of a case as of its timeline, in the order of the steps. */
export function availableLetters(view: CaseView): AvailableLetter[] {
  const out: AvailableLetter[] = [];
  const has = (type: string) => view.events.some((e) => e.type === type);
  if (view.clock.receivedOn) out.push(letter("receipt"));
  if (has("request_supplement")) out.push(letter("supplement"));
  for (const e of view.events) {
    if (e.type !== "consult_third_party" && e.type !== "consult_agency") continue;
    const kind = e.type === "consult_agency" ? "consult-agency" : "consult-third-party";
    const id = String(e.payload.consultationId ?? "");
    out.push({
      kind,
      label: `${letterKindLabels[kind]}(${String(e.payload.party ?? "")},${e.on})`,
      query: `consultation=${encodeURIComponent(id)}`,
    });
  }
  if (has("extend")) out.push(letter("extension"));
  const result = view.clock.closingResult;
  if (result && view.clock.closedOn) {
    out.push({ kind: "reply", label: `答复告知书(${resultLabel(result)})`, query: "" });
  }
  return out;
}

function letter(kind: LetterKind): AvailableLetter {
  return { kind, label: letterKindLabels[kind], query: "" };
}

/** Links of one letter: the DOCX download and the print view. */
export function letterHrefs(applicationId: number, l: Pick<AvailableLetter, "kind" | "query">) {
  const base = `/admin/applications/${applicationId}/letters/${l.kind}`;
  const q = l.query ? `?${l.query}` : "";
  return { docx: `${base}.docx${q}`, print: `${base}${q}` };
}
