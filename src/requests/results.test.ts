import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import {
  isFinalResultKey,
  isResultGroupKey,
  isResultRowKey,
  missingReasonMessage,
  mustStateReasons,
  REPLY_RESULT_KEYS,
  REPLY_RESULTS,
  REPLY_RESULTS_SOURCE,
  RESULT_GROUP_KEYS,
  RESULT_GROUPS,
  resultArticles,
  resultGroupOf,
  resultLabel,
  resultsInGroup,
} from "./results";

interface ReportRow {
  key: string;
  label: string;
  parent?: string;
  legal_basis?: string;
  computed?: string;
  is_header?: boolean;
}

const reportFormat = JSON.parse(
  readFileSync(
    new URL("../../../shared/reference/annual-report-format.json", import.meta.url),
    "utf8",
  ),
) as { applications_table: { rows: ReportRow[] } };

const rows = reportFormat.applications_table.rows;
const resultRows = rows.filter((r) => r.key.startsWith("results.") && r.key !== "results.total");
const parents = new Set(rows.map((r) => r.parent).filter((p): p is string => Boolean(p)));
const mostSpecificRows = resultRows.filter((r) => !parents.has(r.key));
const summingRows = resultRows.filter((r) => parents.has(r.key));

describe("reply results against annual-report table 三", () => {
  test("the project's result keys map one-to-one onto table 三's most specific result rows", () => {
    assert.equal(mostSpecificRows.length, 21);
    assert.deepEqual(
      [...REPLY_RESULT_KEYS],
      mostSpecificRows.map((r) => r.key),
    );
    assert.equal(new Set(REPLY_RESULT_KEYS).size, REPLY_RESULT_KEYS.length);
  });

  test("each result keeps the row label exactly as the report prints it", () => {
    for (const row of mostSpecificRows) {
      const result = REPLY_RESULTS.find((r) => r.key === row.key);
      assert.equal(result?.reportLabel, row.label, row.key);
    }
  });

  test("each result's group is its parent row, and 予以公开/部分公开 have none", () => {
    for (const row of mostSpecificRows) {
      const expected = row.parent === "results" ? null : row.parent;
      assert.equal(resultGroupOf(row.key as (typeof REPLY_RESULT_KEYS)[number]), expected, row.key);
    }
  });

  test("the summing rows are exactly 不予公开, 无法提供, 不予处理 and 其他处理 with their labels", () => {
    assert.deepEqual(
      [...RESULT_GROUP_KEYS],
      summingRows.map((r) => r.key),
    );
    for (const row of summingRows) {
      assert.equal(RESULT_GROUPS.find((g) => g.key === row.key)?.reportLabel, row.label);
    }
  });

  test("the sub-row counts are 8, 3, 5 and 3 as the report's invariants say", () => {
    assert.deepEqual(
      RESULT_GROUP_KEYS.map((g) => resultsInGroup(g).length),
      [8, 3, 5, 3],
    );
  });

  test("the copied data names its source", () => {
    assert.match(REPLY_RESULTS_SOURCE.rows, /国办公开办函〔2021〕30号/);
    assert.match(REPLY_RESULTS_SOURCE.articles, /国务院令第711号/);
  });
});

describe("result key guards", () => {
  test("isFinalResultKey accepts only the most specific rows", () => {
    for (const key of REPLY_RESULT_KEYS) assert.equal(isFinalResultKey(key), true, key);
    for (const key of RESULT_GROUP_KEYS) assert.equal(isFinalResultKey(key), false, key);
    for (const value of ["results", "results.total", "disclosed", "", null, 3, undefined]) {
      assert.equal(isFinalResultKey(value), false, String(value));
    }
  });

  test("isResultGroupKey and isResultRowKey recognise the summing rows", () => {
    for (const key of RESULT_GROUP_KEYS) {
      assert.equal(isResultGroupKey(key), true);
      assert.equal(isResultRowKey(key), true);
    }
    assert.equal(isResultGroupKey("results.disclosed"), false);
    assert.equal(isResultRowKey("results.disclosed"), true);
    assert.equal(isResultRowKey("results.total"), false);
  });
});

describe("labels and citations", () => {
  test("labels read as the report's categories, with the reason in brackets", () => {
    assert.equal(resultLabel("results.disclosed"), "予以公开");
    assert.equal(resultLabel("results.partially_disclosed"), "部分公开");
    assert.equal(resultLabel("results.not_disclosed"), "不予公开");
    assert.equal(
      resultLabel("results.not_disclosed.third_party_rights"),
      "不予公开(保护第三方合法权益)",
    );
    assert.equal(
      resultLabel("results.unable_to_provide.not_held"),
      "无法提供(本机关不掌握相关政府信息)",
    );
    assert.equal(resultLabel("results.not_processed.duplicate"), "不予处理(重复申请)");
    assert.equal(resultLabel("results.other.other"), "其他处理(其他)");
  });

  test("不予公开 to protect a third party cites 第十五条 and 第三十二条", () => {
    const articles = resultArticles("results.not_disclosed.third_party_rights");
    assert.ok(articles.includes("第十五条"));
    assert.ok(articles.includes("第三十二条"));
  });

  test("every 不予公开 reason cites the exemption article it rests on", () => {
    const expected: Record<string, string> = {
      "results.not_disclosed.state_secret": "第十四条",
      "results.not_disclosed.prohibited_by_law": "第十四条",
      "results.not_disclosed.three_security_one_stability": "第十四条",
      "results.not_disclosed.third_party_rights": "第十五条",
      "results.not_disclosed.internal_affairs": "第十六条第一款",
      "results.not_disclosed.process_info": "第十六条第二款",
      "results.not_disclosed.enforcement_file": "第十六条第二款",
      "results.not_disclosed.administrative_inquiry": "第三十六条第(七)项",
    };
    for (const result of resultsInGroup("results.not_disclosed")) {
      assert.ok(resultArticles(result.key).includes(expected[result.key]!), result.key);
    }
  });

  test("other results cite the articles the report's legal_basis column names", () => {
    assert.deepEqual(resultArticles("results.partially_disclosed"), ["第三十七条"]);
    assert.deepEqual(resultArticles("results.unable_to_provide.needs_creation"), ["第三十八条"]);
    assert.deepEqual(resultArticles("results.unable_to_provide.unclear_after_correction"), [
      "第三十条",
    ]);
    assert.deepEqual(resultArticles("results.not_processed.petition_complaint"), [
      "第三十九条第一款",
    ]);
    assert.deepEqual(resultArticles("results.not_processed.publication"), ["第三十九条第二款"]);
    assert.deepEqual(resultArticles("results.not_processed.excessive_repeated"), ["第三十五条"]);
    assert.deepEqual(resultArticles("results.not_processed.duplicate"), ["第三十六条第(六)项"]);
    assert.deepEqual(resultArticles("results.other.no_correction_abandoned"), ["第三十条"]);
    assert.ok(resultArticles("results.other.fee_unpaid").includes("第四十二条"));
  });

  test("every article in the report's legal_basis column is cited by that result", () => {
    const digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    // 1–99 as written in 条例 article numbers: 15 → 十五, 30 → 三十, 42 → 四十二.
    const chinese = (n: number) =>
      n < 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)] : ""}十${digits[n % 10]}`;
    let checked = 0;
    for (const row of mostSpecificRows.filter((r) => r.legal_basis)) {
      const cited = resultArticles(row.key as (typeof REPLY_RESULT_KEYS)[number]);
      for (const match of row.legal_basis!.matchAll(/第(\d+)条/g)) {
        const article = `第${chinese(Number(match[1]))}条`;
        assert.ok(
          cited.some((c) => c.startsWith(article)),
          `${row.key}: ${article}`,
        );
        checked++;
      }
    }
    assert.ok(checked >= 18);
  });

  test("rows without a legal basis in the report cite nothing rather than a guess", () => {
    assert.deepEqual(resultArticles("results.not_processed.confirm_or_reissue"), []);
    assert.deepEqual(resultArticles("results.other.other"), []);
  });

  test("the letter must state reasons for 不予公开, 部分公开 and 不掌握 (第三十六条, 第三十七条)", () => {
    for (const result of resultsInGroup("results.not_disclosed")) {
      assert.equal(mustStateReasons(result.key), true, result.key);
    }
    assert.equal(mustStateReasons("results.partially_disclosed"), true);
    assert.equal(mustStateReasons("results.unable_to_provide.not_held"), true);
    assert.equal(mustStateReasons("results.disclosed"), false);
    assert.equal(mustStateReasons("results.not_processed.duplicate"), false);
  });

  test("a missing reason is explained in Chinese with the options to choose from", () => {
    const message = missingReasonMessage("results.not_disclosed");
    assert.match(message, /^答复结果为“不予公开”时须选择具体理由/);
    assert.match(message, /4\.保护第三方合法权益/);
    assert.match(missingReasonMessage("results.other"), /其他处理/);
  });
});
