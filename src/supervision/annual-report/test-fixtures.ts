// Cases of any applicant kind registered through the real filing service, for annual-report tests.
import type { TestApp } from "../../../test/support/app";
import { applicationKeys } from "../../requests/applicant-data";
import { registerApplication } from "../../requests/filing";
import type { ApplicantKind } from "../../requests/labels";
import type { CaseActor } from "../../requests/policy";
import { staffApplicationSchema } from "../../requests/schema";
import { buildApplicationInput, PERSON } from "../../requests/test-fixtures";

/** A case handed in on `receivedOn` by an applicant of `kind` (an organisation for org_*). */
export async function registerCaseAs(
  t: TestApp,
  actor: CaseActor,
  kind: ApplicantKind,
  receivedOn: string,
): Promise<number> {
  const applicant =
    kind === "natural_person"
      ? undefined
      : { kind, name: "某某商贸有限公司", phone: PERSON.phone, address: PERSON.address };
  const input = staffApplicationSchema.parse(
    buildApplicationInput({
      channel: "in_person",
      receivedOn,
      ...(applicant ? { applicant } : {}),
    }),
  );
  const filed = await registerApplication(t.t.db, input, actor, {
    keys: applicationKeys(t.config.secret),
    now: t.now(),
  });
  return filed.id;
}
