// The application form's flat fields ↔ the nested input the schema checks. Without JavaScript the
// form shows both the 自然人 and the 法人或其他组织 fieldsets; a radio says which one applies,
// so each set has its own field names and errors are mapped back to the set in use.

export type FormValues = Record<string, string>;

/** Field names of the two applicant fieldsets, by input key. */
const personFields = {
  name: "personName",
  idType: "personIdType",
  idNumber: "personIdNumber",
  phone: "personPhone",
  email: "personEmail",
  address: "personAddress",
} as const;

const orgFields = {
  kind: "orgKind",
  name: "orgName",
  creditCode: "orgCreditCode",
  legalRepresentative: "orgLegalRepresentative",
  contactPerson: "orgContactPerson",
  phone: "orgPhone",
  email: "orgEmail",
  address: "orgAddress",
} as const;

const otherFields: Record<string, string> = {
  "requestedInfo.name": "infoName",
  "requestedInfo.docNo": "infoDocNo",
  "requestedInfo.description": "infoDescription",
  deliveryForm: "deliveryForm",
  deliveryRoute: "deliveryRoute",
  channel: "channel",
  submittedOn: "submittedOn",
  receivedOn: "receivedOn",
};

/** The string values of a parsed form body (files and repeated fields dropped). */
export function formValuesOf(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

const isOrganisation = (values: FormValues) => values.applicantType === "organisation";

/** The nested input (as the API takes it) from the form's fields. */
export function applicationInputFromForm(values: FormValues): Record<string, unknown> {
  const org = isOrganisation(values);
  const applicant: Record<string, unknown> = {};
  if (org) {
    for (const [key, field] of Object.entries(orgFields)) applicant[key] = values[field];
  } else {
    for (const [key, field] of Object.entries(personFields)) applicant[key] = values[field];
    if (values.applicantType === "natural_person") applicant.kind = "natural_person";
  }
  if (!applicant.idType) delete applicant.idType;
  return {
    applicant,
    requestedInfo: {
      name: values.infoName,
      docNo: values.infoDocNo,
      description: values.infoDescription,
    },
    deliveryForm: values.deliveryForm || undefined,
    deliveryRoute: values.deliveryRoute || undefined,
    wantsStatusMail: values.wantsStatusMail === "1",
    ...(values.channel !== undefined ? { channel: values.channel || undefined } : {}),
    submittedOn: values.submittedOn,
    receivedOn: values.receivedOn,
  };
}

/** The form field an error of the nested input belongs to. */
export function formFieldOf(path: string, values: FormValues): string {
  if (path === "applicant.kind") return isOrganisation(values) ? "orgKind" : "applicantType";
  if (path.startsWith("applicant.")) {
    const key = path.slice("applicant.".length);
    const fields: Record<string, string> = isOrganisation(values) ? orgFields : personFields;
    return fields[key] ?? (isOrganisation(values) ? "orgName" : "personName");
  }
  return otherFields[path] ?? path;
}

/** Errors keyed by form field (the first message per field wins). */
export function formErrorsOf(errors: Record<string, string>, values: FormValues) {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[formFieldOf(path, values)] ??= message;
  return out;
}
