// Generates a realistic data set of any size for benchmarks, into the database the server would
// use (GONGKAI_DATA_DIR for SQLite, or DATABASE_URL for PostgreSQL):
//
//   GONGKAI_DATA_DIR=/tmp/big node --import tsx bench/seed.ts --records 1000000 --applications 200000 \
//     --consultations 200 --comments 40000 --messages 100000
//
// Records are published over the last ten years across every active catalog item and the
// township offices, with Chinese bodies of 1–5 KB, 索引号, and search-index entries built by the
// product's own indexer; applications are closed cases with full timelines (confirm, assign,
// reply, deliver) and encrypted applicant data; consultations get public comments (moderated,
// answered) and published feedback, and 留言 their handling history (bench/seed-interaction.ts).
// Rows go in directly, in batches of one transaction each, bypassing the services (which would
// take hours at this size); the result is what the services would have produced. Use a fresh
// data folder or database.
import { parseArgs } from "node:util";
import { type Insertable, type Kysely, sql } from "kysely";
import { loadConfig, prepareDataDir } from "../src/config";
import { connectDatabase } from "../src/db/database";
import type { DB } from "../src/db/schema";
import { createUnit, rootUnit } from "../src/org/store";
import { prepareDatabase } from "../src/platform/bootstrap";
import { personalDataKey } from "../src/platform/crypto";
import { createLogger } from "../src/platform/log";
import { loadSiteSettings } from "../src/platform/settings";
import { GENRES } from "../src/records/genres";
import type { RecordsTable } from "../src/records/tables";
import { applicantColumns, applicationKeys } from "../src/requests/applicant-data";
import { REPLY_RESULT_KEYS } from "../src/requests/results";
import { searchEngineOf } from "../src/search/engine";
import { buildSearchEntry } from "../src/search/indexer";
import { segmentForIndex, topKeywords } from "../src/search/segment";
import { benchStaff, seedConsultations, seedMessages } from "./seed-interaction";
import { addDays, isoDate, progress, randomDate } from "./seed-support";
import {
  between,
  createRandom,
  FAKE_PLACES,
  type FakeText,
  fakeRecordText,
  pick,
  type Random,
} from "./text";

const sentenceWords = new Map<string, string>();
function segmentSentence(sentence: string): string {
  let words = sentenceWords.get(sentence);
  if (words === undefined) {
    words = segmentForIndex(sentence);
    sentenceWords.set(sentence, words);
  }
  return words;
}

const { values: args } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    applications: { type: "string", default: "200000" },
    consultations: { type: "string", default: "200" },
    comments: { type: "string", default: "40000" },
    messages: { type: "string", default: "100000" },
    years: { type: "string", default: "10" },
    batch: { type: "string", default: "500" },
    seed: { type: "string", default: "20261126" },
  },
});

const recordCount = Number(args.records);
const applicationCount = Number(args.applications);
const consultationCount = Number(args.consultations);
const commentCount = Number(args.comments);
const messageCount = Number(args.messages);
const years = Number(args.years);
const batchSize = Number(args.batch);

async function townshipUnits(db: Kysely<DB>, now: Date): Promise<number[]> {
  const root = (await rootUnit(db))!.id;
  const existing = await db.selectFrom("units").select(["id", "name"]).execute();
  const ids: number[] = [root];
  for (const place of FAKE_PLACES) {
    const name = `${place}市场监管所`;
    const found = existing.find((u) => u.name === name);
    ids.push(
      found?.id ?? (await createUnit(db, { name, kind: "township_office", parentId: root }, now)),
    );
  }
  return ids;
}

async function seedRecords(db: Kysely<DB>, random: Random, today: string, units: number[]) {
  const creator = (
    await db.selectFrom("users").select("id").orderBy("id").executeTakeFirstOrThrow()
  ).id;
  const catalog = await db
    .selectFrom("catalog_items")
    .select(["id", "version"])
    .where("is_active", "=", 1)
    .execute();
  const creditCode = (await loadSiteSettings(db)).creditCode || "11411221MB0000000X";
  const serials = new Map<number, number>();
  const usedSortKeys = new Set<number>();
  const engine = searchEngineOf(db);
  const genres = GENRES.filter((g) => g !== "interpretation");
  const tick = progress("records", recordCount);
  for (let done = 0; done < recordCount; ) {
    const n = Math.min(batchSize, recordCount - done);
    const rows: Insertable<RecordsTable>[] = [];
    const bodies: FakeText[] = [];
    for (let i = 0; i < n; i++) {
      const publishedOn = randomDate(random, today, years);
      const year = Number(publishedOn.slice(0, 4));
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      const text = fakeRecordText(random, year, between(random, 400, 1700));
      bodies.push(text);
      const item = random() < 0.85 ? pick(random, catalog) : null;
      const formedOn = addDays(publishedOn, -between(random, 0, 25));
      const at = `${publishedOn}T0${between(random, 1, 9)}:${String(between(random, 10, 59))}:00.000Z`;
      const late = random() < 0.05;
      rows.push({
        index_no: `${creditCode}/${year}-${String(serial).padStart(5, "0")}`,
        title: text.title,
        doc_no: random() < 0.3 ? `渑市监〔${year}〕${serial}号` : null,
        publisher: "县市场监督管理局",
        unit_id: pick(random, units),
        formed_on: formedOn,
        published_on: publishedOn,
        published_at: at,
        scheduled_at: null,
        topic: "市场监管",
        genre: pick(random, genres),
        openness: pick(random, ["execution", "management", "service", "result"]),
        keywords: text.keywords,
        catalog_item_id: item?.id ?? null,
        catalog_item_version: item?.version ?? null,
        summary: "",
        body_html: `<p>${text.body}</p>`,
        body_text: text.body,
        state: "published",
        due_on: addDays(formedOn, late ? 10 : 28),
        published_late: late ? 1 : 0,
        created_by: creator,
        created_at: at,
        updated_at: at,
        withdrawn_at: null,
        withdraw_reason: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto("records").values(rows).returning("id").execute();
      const entries = rows.map((row, i) => {
        // The body's words are set below from per-sentence segmentation (cached): jieba over
        // a million 1–5 KB bodies would take most of an hour, and the result is the same.
        const entry = buildSearchEntry(
          {
            id: inserted[i]!.id,
            state: "published",
            title: row.title,
            doc_no: row.doc_no ?? null,
            index_no: row.index_no ?? null,
            summary: "",
            keywords: "",
            body_text: "",
            published_at: row.published_at ?? null,
            published_on: row.published_on ?? null,
            catalog_item_id: row.catalog_item_id ?? null,
            genre: row.genre,
            publisher: row.publisher,
            updated_at: row.updated_at,
          },
          [],
        );
        const body = bodies[i]!;
        entry.text.body = [
          segmentForIndex(body.keywords.replace(",", " ")),
          ...body.sentences.map(segmentSentence),
        ].join(" ");
        entry.row.body_keywords = topKeywords(
          `${body.keywords.replace(",", " ")}\n${body.body}`,
        ).join(" ");
        let key = entry.row.sort_key;
        while (usedSortKeys.has(key)) key--;
        usedSortKeys.add(key);
        return { ...entry, row: { ...entry.row, sort_key: key } };
      });
      await engine.index(trx, entries);
    });
    done += n;
    tick(done);
  }
  for (const [year, last] of serials) {
    await db
      .insertInto("index_no_serials")
      .values({ year, last_serial: last })
      .onConflict((oc) => oc.column("year").doUpdateSet({ last_serial: last }))
      .execute();
  }
}

const APPLICANT_KINDS = [
  "natural_person",
  "natural_person",
  "natural_person",
  "org_commercial",
  "org_research",
  "org_public_welfare",
  "org_legal_service",
  "org_other",
];

async function seedApplications(
  db: Kysely<DB>,
  random: Random,
  today: string,
  units: number[],
  secret: string,
) {
  const keys = applicationKeys(secret);
  const officer = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const serials = new Map<number, number>();
  const tick = progress("applications", applicationCount);
  const results = REPLY_RESULT_KEYS;
  for (let done = 0; done < applicationCount; ) {
    const n = Math.min(batchSize, applicationCount - done);
    await db.transaction().execute(async (trx) => {
      const cases = Array.from({ length: n }, () => {
        const receivedOn = randomDate(random, today, years);
        const year = Number(receivedOn.slice(0, 4));
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        const kind = pick(random, APPLICANT_KINDS);
        const replyOn = addDays(receivedOn, between(random, 3, 28));
        const open = replyOn > today;
        return { receivedOn, year, serial, kind, replyOn, open, result: pick(random, results) };
      });
      const rows = cases.map((c, i) => ({
        application_no: `YSQ-${c.year}-${String(c.serial).padStart(5, "0")}`,
        query_code_hash: `bench-${c.year}-${c.serial}`,
        channel: "online",
        submitted_on: c.receivedOn,
        signed_on: null,
        confirmed_on: c.receivedOn,
        received_on: c.receivedOn,
        ...applicantColumns(keys, {
          kind: c.kind,
          name:
            c.kind === "natural_person" ? `测试申请人${done + i}` : `测试单位${done + i}有限公司`,
          idType: "other",
          idNumber: `BENCH-${done + i}`,
          phone: "0398-0000000",
          address: "渑池县城关镇示例路1号(测试数据)",
          creditCode: c.kind === "natural_person" ? undefined : "91411221MA00000000",
        } as never),
        requested_name: null,
        requested_doc_no: null,
        requested_description: `申请公开${pick(random, ["食品经营许可", "监督抽检", "行政处罚", "药品零售许可"])}相关信息(测试数据)`,
        delivery_form: "email",
        delivery_route: "email",
        id_scan_file_id: null,
        unit_id: pick(random, units),
        handler_id: officer.id,
        registered_by: null,
        phase: c.open ? "open" : "delivered",
        due_date: addDays(c.receivedOn, 28),
        closed_on: c.open ? null : c.replyOn,
        result_key: c.open ? null : c.result,
        year_received: c.year,
        created_at: `${c.receivedOn}T02:00:00.000Z`,
        updated_at: `${c.open ? c.receivedOn : c.replyOn}T02:00:00.000Z`,
      }));
      const inserted = await trx.insertInto("applications").values(rows).returning("id").execute();
      const events = cases.flatMap((c, i) => {
        const id = inserted[i]!.id;
        const base = { application_id: id, actor_id: officer.id, actor_name: officer.display_name };
        const list = [
          { ...base, type: "confirm", happened_on: c.receivedOn, payload: "{}" },
          {
            ...base,
            type: "assign",
            happened_on: c.receivedOn,
            payload: JSON.stringify({ unitId: rows[i]!.unit_id, handlerId: officer.id }),
          },
        ];
        if (!c.open) {
          list.push(
            {
              ...base,
              type: "reply",
              happened_on: c.replyOn,
              payload: JSON.stringify({ result: c.result }),
            },
            {
              ...base,
              type: "deliver",
              happened_on: c.replyOn,
              payload: JSON.stringify({ method: "email" }),
            },
          );
        }
        return list.map((e) => ({ ...e, at: `${e.happened_on}T02:00:00.000Z` }));
      });
      await trx.insertInto("application_events").values(events).execute();
    });
    done += n;
    tick(done);
  }
}

async function main() {
  const config = prepareDataDir({ ...loadConfig(), demo: false });
  const logger = createLogger("warn");
  const database = connectDatabase(config);
  const now = new Date();
  try {
    await prepareDatabase(database.db, config, logger, now);
    const today = isoDate(new Date(now.getTime() + 8 * 3_600_000));
    const random = createRandom(Number(args.seed));
    const units = await townshipUnits(database.db, now);
    const started = Date.now();
    await seedRecords(database.db, random, today, units);
    await seedApplications(database.db, random, today, units, config.secret);
    const plan = {
      now,
      today,
      years,
      batchSize,
      units,
      staff: await benchStaff(database.db, units, now),
      key: personalDataKey(config.secret),
      secret: config.secret,
    };
    await seedConsultations(database.db, random, plan, consultationCount, commentCount);
    await seedMessages(database.db, random, plan, messageCount);
    // Fresh statistics, as a long-running site would have, so the planner picks the indexes; on
    // PostgreSQL also the visibility map autovacuum would have built (index-only scans use it).
    await sql
      .raw(database.engine === "postgres" ? "VACUUM ANALYZE" : "ANALYZE")
      .execute(database.db);
    process.stderr.write(
      `seeded ${recordCount} records, ${applicationCount} applications, ${consultationCount} consultations with ${commentCount} comments and ${messageCount} messages into ${database.engine} in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  } finally {
    await database.destroy();
  }
}

await main();
