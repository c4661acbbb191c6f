import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toTsqueryLiteral, toTsvectorLiteral } from "./engine-postgres";
import { toFts5Query } from "./engine-sqlite";

const groups = [[["食品安全"], ["食品", "安全"]], [["许可"]]];

describe("engine query literals", () => {
  it("writes FTS5 syntax with every token quoted", () => {
    assert.equal(toFts5Query(groups), '(("食品安全") OR ("食品" AND "安全")) AND (("许可"))');
    assert.equal(toFts5Query([[['a"b']]]), '(("a""b"))');
  });

  it("writes the same query as a tsquery", () => {
    assert.equal(toTsqueryLiteral(groups), "(('食品安全') | ('食品' & '安全')) & (('许可'))");
    assert.equal(toTsqueryLiteral([[["it's"]]]), "(('it''s'))");
  });

  it("writes each distinct token once into a tsvector", () => {
    assert.equal(
      toTsvectorLiteral(["食品 安全 食品安全", "", "食品 许可"]),
      "'食品' '安全' '食品安全' '许可'",
    );
  });
});
