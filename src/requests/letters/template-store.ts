// Letter templates in the database: every save is a new row, the latest row of a key is current,
// and a key without rows uses the shipped default.
import type { Selectable } from "kysely";
import type { LetterTemplatesTable } from "../casework-tables";
import type { Db } from "../store";
import { DEFAULT_LETTER_TEMPLATES, type LetterTemplateText } from "./default-templates";
import { LETTER_TEMPLATE_KEYS, type LetterTemplateKey } from "./kinds";

export type LetterTemplateRow = Selectable<LetterTemplatesTable>;

export interface CurrentTemplate extends LetterTemplateText {
  key: LetterTemplateKey;
  /** null: the shipped default is in use. */
  updatedAt: string | null;
  updatedBy: string | null;
  /** How many saved versions the key has. */
  versions: number;
}

/** The current text of every template, in list order. */
export async function listCurrentTemplates(db: Db): Promise<CurrentTemplate[]> {
  const rows = await db.selectFrom("letter_templates").selectAll().orderBy("id").execute();
  const latest = new Map<string, LetterTemplateRow>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    latest.set(row.key, row);
    counts.set(row.key, (counts.get(row.key) ?? 0) + 1);
  }
  return LETTER_TEMPLATE_KEYS.map((key) => currentOf(key, latest.get(key), counts.get(key) ?? 0));
}

/** The current text of one template. */
export async function findCurrentTemplate(
  db: Db,
  key: LetterTemplateKey,
): Promise<CurrentTemplate> {
  const rows = await db
    .selectFrom("letter_templates")
    .selectAll()
    .where("key", "=", key)
    .orderBy("id", "desc")
    .execute();
  return currentOf(key, rows[0], rows.length);
}

function currentOf(
  key: LetterTemplateKey,
  row: LetterTemplateRow | undefined,
  versions: number,
): CurrentTemplate {
  if (!row) {
    return { key, ...DEFAULT_LETTER_TEMPLATES[key], updatedAt: null, updatedBy: null, versions };
  }
  return {
    key,
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    versions,
  };
}

export async function insertTemplateVersion(
  db: Db,
  values: {
    key: LetterTemplateKey;
    title: string;
    body: string;
    now: Date;
    userId: number | null;
    userName: string;
  },
): Promise<void> {
  await db
    .insertInto("letter_templates")
    .values({
      key: values.key,
      title: values.title,
      body: values.body,
      updated_at: values.now.toISOString(),
      updated_by: values.userId,
      updated_by_name: values.userName,
    })
    .execute();
}
