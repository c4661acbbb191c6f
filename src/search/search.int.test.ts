import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Insertable } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { demoNotice, demoNoticeBody } from "../records/demo-notice";
import type { RecordsTable } from "../records/tables";
import type { Db } from "./engine";
import { rebuildSearchIndex, syncSearchIndex } from "./indexer";
import { type SearchOptions, searchRecords } from "./search";

const DEMO_INDEX_NO = "11411221MB1234567X/2020-00053";
const NOW = "2025-03-03T02:00:00.000Z";

interface Fixture {
  db: Db;
  unitId: number;
  userId: number;
}

async function createFixture(t: TestDatabase): Promise<Fixture> {
  const unit = await t.db
    .insertInto("units")
    .values({ name: "渑池县市场监督管理局", kind: "bureau", created_at: NOW })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await t.db
    .insertInto("users")
    .values({
      username: "editor",
      display_name: "编辑",
      unit_id: unit.id,
      password_hash: "x",
      created_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { db: t.db, unitId: unit.id, userId: user.id };
}

async function addCatalogItem(db: Db, code: string): Promise<number> {
  const row = await db
    .insertInto("catalog_items")
    .values({
      code,
      category: "食品",
      item: `目录事项${code}`,
      elements: "[]",
      legal_basis: "[]",
      deadline_text: "",
      responsible_unit: "",
      channels: "[]",
      audience: "{}",
      mode: "{}",
      level: "{}",
      verification: "verified",
      missing_fields: "[]",
      unverified_fields: "[]",
      notes: "",
      source: "[]",
      created_at: NOW,
      updated_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

type RecordInput = Partial<Insertable<RecordsTable>> & { title: string; publishedAt?: string };

/** Inserts a record directly (no workflow) and syncs the index, as the records service does. */
async function addRecord(f: Fixture, input: RecordInput, sync = true): Promise<number> {
  const { publishedAt, ...values } = input;
  const state = values.state ?? "published";
  const at = publishedAt ?? NOW;
  const row = await f.db
    .insertInto("records")
    .values({
      publisher: "渑池县市场监督管理局",
      unit_id: f.unitId,
      formed_on: at.slice(0, 10),
      topic: "市场监管",
      genre: "notice",
      openness: "proactive",
      created_by: f.userId,
      created_at: at,
      updated_at: at,
      state,
      published_at: state === "draft" ? null : at,
      published_on: state === "draft" ? null : at.slice(0, 10),
      ...values,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (sync) await syncSearchIndex(f.db, row.id);
  return row.id;
}

async function attachText(f: Fixture, recordId: number, text: string): Promise<void> {
  const file = await f.db
    .insertInto("files")
    .values({
      sha256: `sha-${recordId}`,
      media_type: "application/pdf",
      size: 1,
      storage_path: "x",
      text_content: text,
      created_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await f.db
    .insertInto("record_attachments")
    .values({ record_id: recordId, file_id: file.id, file_name: "附件.pdf", created_at: NOW })
    .execute();
  await syncSearchIndex(f.db, recordId);
}

const ids = (r: { hits: { recordId: number }[] }) => r.hits.map((h) => h.recordId);

describe("searching published records", () => {
  let t: TestDatabase;
  let f: Fixture;
  const r = {
    demo: 0,
    licensing: 0,
    sampling: 0,
    decision: 0,
    summary: 0,
    coldChain: 0,
    markup: 0,
    draft: 0,
    stale: 0,
  };
  let catalogA = 0;
  let catalogB = 0;
  const search = (q: string, options: Omit<SearchOptions, "q"> = {}) =>
    searchRecords(t.db, { q, ...options });

  before(async () => {
    t = await createTestDatabase();
    f = await createFixture(t);
    catalogA = await addCatalogItem(t.db, "FD-01");
    catalogB = await addCatalogItem(t.db, "FD-02");
    r.demo = await addRecord(f, {
      title: demoNotice.title,
      doc_no: demoNotice.docNo,
      index_no: DEMO_INDEX_NO,
      publisher: demoNotice.publisher,
      body_text: demoNoticeBody(),
      catalog_item_id: catalogA,
      publishedAt: "2020-08-26T08:00:00.000Z",
    });
    r.licensing = await addRecord(f, {
      title: "关于食品经营许可办理有关事项的公告",
      doc_no: "渑市监〔2024〕12号",
      index_no: "11411221MB1234567X/2024-00012",
      genre: "announcement",
      catalog_item_id: catalogB,
      body_text:
        "为进一步规范食品经营许可工作,申请人可通过政务服务网办理食品经营许可的新办、变更和延续。",
      publishedAt: "2024-05-10T02:00:00.000Z",
    });
    r.sampling = await addRecord(f, {
      title: "2023年第5批食品安全监督抽检信息的公告",
      genre: "announcement",
      body_text: "本次共抽检食品样品120批次,其中合格118批次,不合格2批次。",
      publishedAt: "2023-11-20T02:00:00.000Z",
    });
    r.decision = await addRecord(f, {
      title: "准予行政许可决定书(药品零售)",
      genre: "licence",
      body_text: "根据《中华人民共和国行政许可法》的规定,经审查,准予许可。",
      publishedAt: "2024-03-01T02:00:00.000Z",
    });
    r.summary = await addRecord(f, {
      title: "2024年度工作总结",
      genre: "planAndSummary",
      publisher: "渑池县人民政府",
      body_text: "全年围绕市场监管中心工作,开展食品检查,办理各类许可,推进信息公开。",
      publishedAt: "2025-01-10T02:00:00.000Z",
    });
    r.coldChain = await addRecord(f, {
      title: "关于公布专项检查结果的通知",
      body_text: "检查结果详见附件。",
      publishedAt: "2024-12-01T02:00:00.000Z",
    });
    await attachText(f, r.coldChain, "进口冷链货物追溯检查:全部合格。");
    r.markup = await addRecord(f, {
      title: '关于"<script>"食品抽检结果的公示',
      genre: "publicity",
      body_text: "抽检结果如下 <b>不是标记</b>。",
      publishedAt: "2022-06-01T02:00:00.000Z",
    });
    r.draft = await addRecord(f, {
      title: "食品许可草稿",
      state: "draft",
      body_text: "尚未审核的食品许可草稿",
    });
    r.stale = await addRecord(f, {
      title: "已撤回的食品许可公告",
      doc_no: "渑市监文〔2021〕9号",
      index_no: "11411221MB1234567X/2021-00009",
      body_text: "撤回前曾经发布的食品许可内容",
      publishedAt: "2021-03-01T02:00:00.000Z",
    });
    // Withdrawn without syncing: the index still holds a stale row for it.
    await t.db
      .updateTable("records")
      .set({ state: "withdrawn" })
      .where("id", "=", r.stale)
      .execute();
  });

  after(() => t.destroy());

  it("finds records for the two-character word 食品, title matches first, with marked snippets", async () => {
    const result = await search("食品");
    const titleMatches = [r.demo, r.licensing, r.sampling, r.markup];
    assert.deepEqual(new Set(ids(result).slice(0, 4)), new Set(titleMatches));
    assert.ok(ids(result).includes(r.summary), "a body-only match is found too");
    assert.ok(ids(result).indexOf(r.summary) > 3);
    assert.equal(result.total, 5);
    assert.equal(result.totalCapped, false);
    for (const hit of result.hits)
      assert.match(hit.snippet + hit.titleHighlighted, /<mark>食品<\/mark>/);
  });

  it("finds records for 许可, title matches first", async () => {
    const result = await search("许可");
    assert.deepEqual(new Set(ids(result).slice(0, 2)), new Set([r.licensing, r.decision]));
    assert.ok(ids(result).includes(r.summary));
    assert.match(result.hits[0]!.titleHighlighted, /<mark>许可<\/mark>/);
  });

  it("answers a traditional query like the simplified one", async () => {
    assert.deepEqual(ids(await search("許可")), ids(await search("许可")));
    assert.deepEqual(ids(await search("食品經營許可")), ids(await search("食品经营许可")));
  });

  it("puts the record with the queried 文号 first, however the brackets are typed", async () => {
    for (const q of [
      "渑市监文〔2020〕53号",
      "渑市监文[2020]53号",
      "渑市监文(2020)053号",
      " 渑市监文〔2020〕53 ",
    ]) {
      const result = await search(q);
      assert.equal(result.exactMatch, r.demo, q);
      assert.equal(result.hits[0]?.recordId, r.demo, q);
      assert.equal(new Set(ids(result)).size, result.hits.length, "listed once");
    }
    assert.equal((await search("〔2024〕12号")).exactMatch, r.licensing);
  });

  it("puts the record with the queried 索引号 first", async () => {
    for (const q of [
      DEMO_INDEX_NO,
      "11411221mb1234567x / 2020-00053",
      "11411221MB1234567X/2020-00053",
    ]) {
      const result = await search(q, { sort: "date" });
      assert.equal(result.exactMatch, r.demo, q);
      assert.equal(result.hits[0]?.recordId, r.demo, q);
      assert.equal(result.hits[0]?.indexNo, DEMO_INDEX_NO);
    }
  });

  it("never returns drafts or withdrawn records, even with a stale index row", async () => {
    for (const q of [
      "草稿",
      "撤回",
      "食品",
      "许可",
      "",
      "渑市监文〔2021〕9号",
      "11411221MB1234567X/2021-00009",
    ]) {
      const result = await search(q);
      assert.ok(!ids(result).includes(r.draft), q);
      assert.ok(!ids(result).includes(r.stale), q);
    }
    assert.equal((await search("草稿")).total, 0);
    assert.equal((await search("渑市监文〔2021〕9号")).exactMatch, null);
  });

  it("filters by 体裁, year, catalog item and 发布机构", async () => {
    assert.deepEqual(ids(await search("许可", { genre: "licence" })), [r.decision]);
    assert.deepEqual(ids(await search("食品", { year: 2020 })), [r.demo]);
    assert.deepEqual(ids(await search("食品", { catalogItemId: catalogB })), [r.licensing]);
    assert.deepEqual(ids(await search("食品", { catalogItemId: catalogA })), [r.demo]);
    assert.deepEqual(ids(await search("食品", { publisher: "渑池县人民政府" })), [r.summary]);
    assert.equal((await search("渑市监文〔2020〕53号", { genre: "licence" })).exactMatch, null);
  });

  it("sorts by date, newest first, and pages without overlap", async () => {
    const all = await search("食品", { sort: "date" });
    const dates = all.hits.map((h) => h.publishedOn ?? "");
    assert.deepEqual(dates, [...dates].sort().reverse());
    const first = await search("食品", { sort: "date", pageSize: 2, page: 1 });
    const second = await search("食品", { sort: "date", pageSize: 2, page: 2 });
    const third = await search("食品", { sort: "date", pageSize: 2, page: 3 });
    assert.deepEqual([...ids(first), ...ids(second), ...ids(third)], ids(all));
    assert.equal(first.total, 5);
    assert.deepEqual(ids(await search("食品", { sort: "date", pageSize: 2, page: 4 })), []);
  });

  it("lists every published record newest first for an empty query", async () => {
    const result = await search("  ");
    assert.equal(result.sort, "date");
    assert.equal(result.total, 7);
    assert.equal(result.hits[0]?.recordId, r.summary);
    assert.equal(result.hits.at(-1)?.recordId, r.demo);
  });

  it("finds text that is only in an attachment and shows it in the snippet", async () => {
    const result = await search("追溯");
    assert.deepEqual(ids(result), [r.coldChain]);
    assert.match(result.hits[0]!.snippet, /<mark>追溯<\/mark>/);
  });

  it("escapes titles and snippets before marking", async () => {
    const hit = (await search("食品")).hits.find((h) => h.recordId === r.markup)!;
    assert.equal(
      hit.titleHighlighted,
      "关于&quot;&lt;script&gt;&quot;<mark>食品</mark>抽检结果的公示",
    );
    assert.ok(!hit.snippet.includes("<b>"));
  });

  it("returns nothing for a query of punctuation only", async () => {
    const result = await search(",。");
    assert.deepEqual(result.hits, []);
    assert.equal(result.total, 0);
  });

  it("drops a record from the index when it is synced after withdrawal, and adds it back on republication", async () => {
    await t.db
      .updateTable("records")
      .set({ state: "withdrawn" })
      .where("id", "=", r.sampling)
      .execute();
    await syncSearchIndex(t.db, r.sampling);
    assert.ok(!ids(await search("抽检")).includes(r.sampling));
    const rows = await t.db
      .selectFrom("record_search")
      .select("record_id")
      .where("record_id", "=", r.sampling)
      .execute();
    assert.deepEqual(rows, []);
    await t.db
      .updateTable("records")
      .set({ state: "published" })
      .where("id", "=", r.sampling)
      .execute();
    await syncSearchIndex(t.db, r.sampling);
    assert.ok(ids(await search("抽检")).includes(r.sampling));
  });

  it("rebuilds the index from published records only, dropping stale rows", async () => {
    const before = ids(await search("食品"));
    assert.equal(await rebuildSearchIndex(t.db, 3), 7);
    assert.deepEqual(ids(await search("食品")), before);
    const stale = await t.db
      .selectFrom("record_search")
      .select("record_id")
      .where("record_id", "=", r.stale)
      .execute();
    assert.deepEqual(stale, []);
    const inTransaction = await t.db.transaction().execute((trx) => rebuildSearchIndex(trx));
    assert.equal(inTransaction, 7);
  });
});

// Deterministic pseudo-random numbers for the synthetic set.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  "食品安全",
  "药品监管",
  "特种设备",
  "价格监督",
  "广告监测",
  "行政许可",
  "知识产权",
  "计量检定",
];
const KINDS = ["通知", "公告", "公示", "工作动态", "计划总结"];
const SENTENCES = [
  "为进一步推进基层政务公开标准化规范化工作,提升政务服务水平。",
  "各乡镇市场监管所要高度重视,明确责任分工,确保各项工作落到实处。",
  "本次共抽检食品样品若干批次,检验结果已按规定向社会公开。",
  "申请人可通过政务服务网在线办理食品经营许可,实现全程网办。",
  "对检查中发现的问题,责令限期整改,并依法依规予以处理。",
  "加强药品零售企业日常监管,督促企业落实主体责任。",
  "开展特种设备安全隐患排查整治,消除事故隐患。",
  "规范价格行为,维护公平竞争的市场秩序和消费者合法权益。",
];

describe("searching a synthetic set of 1,001 records", () => {
  let t: TestDatabase;
  let indexingMs = 0;

  before(async () => {
    t = await createTestDatabase();
    const f = await createFixture(t);
    const random = mulberry32(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const started = performance.now();
    await t.db.transaction().execute(async (trx) => {
      const fx = { ...f, db: trx };
      for (let i = 0; i < 1001; i++) {
        const day = new Date(
          Date.UTC(2018, 0, 1) + Math.floor(random() * 7 * 365) * 86_400_000 + i * 1000,
        );
        const body = `${Array.from({ length: 8 }, () => pick(SENTENCES)).join("")}依法公开。`;
        await addRecord(fx, {
          title: `${day.getUTCFullYear()}年${pick(TOPICS)}${pick(KINDS)}(第${i + 1}号)`,
          body_text: body,
          genre: pick(["notice", "announcement", "publicity", "workNews"]),
          publishedAt: day.toISOString(),
        });
      }
    });
    indexingMs = performance.now() - started;
  });

  after(() => t.destroy());

  it("answers common queries and reports the time taken", async (c) => {
    c.diagnostic(`${t.engine}: inserted and indexed 1,001 records in ${indexingMs.toFixed(0)} ms`);
    for (const [q, sort] of [
      ["食品", "relevance"],
      ["食品", "date"],
      ["许可", "relevance"],
      ["食品经营许可", "relevance"],
      ["公开", "relevance"],
    ] as const) {
      await searchRecords(t.db, { q, sort });
      const started = performance.now();
      const result = await searchRecords(t.db, { q, sort });
      const ms = performance.now() - started;
      c.diagnostic(
        `${t.engine} ${q} ${sort}: ${ms.toFixed(1)} ms, total ${result.total}${result.totalCapped ? "+" : ""}`,
      );
      assert.ok(result.hits.length > 0, q);
    }
  });

  it("caps the total at 1000 and says there are more", async () => {
    const result = await searchRecords(t.db, { q: "公开" });
    assert.equal(result.total, 1000);
    assert.equal(result.totalCapped, true);
  });

  it("pages through all 1000 relevance results without repeats", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 20; page++) {
      seen.push(...ids(await searchRecords(t.db, { q: "公开", page, pageSize: 50 })));
    }
    assert.equal(seen.length, 1000);
    assert.equal(new Set(seen).size, 1000);
    assert.deepEqual(ids(await searchRecords(t.db, { q: "公开", page: 21, pageSize: 50 })), []);
  });

  it("ranks the newest 200 matches; the other 800 follow newest first", async () => {
    const dates: string[] = [];
    for (let page = 5; page <= 20; page++) {
      const result = await searchRecords(t.db, { q: "食品", page, pageSize: 50 });
      dates.push(...result.hits.map((h) => h.publishedOn!));
    }
    assert.ok(dates.length > 0);
    assert.deepEqual(dates, [...dates].sort().reverse());
    // …and those 800 are all older than the ranked 200.
    const ranked = (await searchRecords(t.db, { q: "食品", pageSize: 50, page: 4 })).hits;
    const newestOfRest = dates[0]!;
    assert.ok(ranked.every((h) => h.publishedOn! >= newestOfRest));
  });

  it("ranks title matches first within the window", async () => {
    const result = await searchRecords(t.db, { q: "食品安全", pageSize: 10 });
    for (const hit of result.hits) assert.match(hit.title, /食品安全/);
  });
});
