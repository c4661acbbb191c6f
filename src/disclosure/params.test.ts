import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filterOfQuery, listHref, pageOfQuery } from "./params";
import { chooseTextSize } from "./text-size";
import { parseUrlId } from "./urls";

describe("public list parameters", () => {
  it("keeps meaningful filters and drops what makes no sense", () => {
    assert.deepEqual(
      filterOfQuery({
        catalogItemId: "3",
        topic: " 市场监管 ",
        publisher: "",
        genre: "notice",
        year: "2025",
        validity: "repealed",
      }),
      { catalogItemId: 3, topic: "市场监管", genre: "notice", year: 2025, validity: "repealed" },
    );
    assert.deepEqual(
      filterOfQuery({ catalogItemId: "0", genre: "poem", year: "25", validity: "maybe" }),
      {},
    );
  });

  it("ids and pages are positive integers that fit the database", () => {
    assert.equal(parseUrlId("12"), 12);
    for (const bad of ["0", "-1", "1e3", "012", "2147483648", "abc", undefined]) {
      assert.equal(parseUrlId(bad), null, String(bad));
    }
    assert.equal(pageOfQuery("3"), 3);
    assert.equal(pageOfQuery("x"), 1);
  });

  it("list addresses carry the filters in a fixed order and omit page 1", () => {
    assert.equal(listHref("/disclosure/records", {}, 1), "/disclosure/records");
    assert.equal(
      listHref("/disclosure/records", { year: 2025, topic: "食品 安全", catalogItemId: 2 }, 3),
      "/disclosure/records?catalogItemId=2&topic=%E9%A3%9F%E5%93%81+%E5%AE%89%E5%85%A8&year=2025&page=3",
    );
  });
});

describe("字号", () => {
  it("the query wins and is remembered; otherwise the cookie; otherwise 中", () => {
    assert.deepEqual(chooseTextSize("l", undefined), { size: "l", remember: true });
    assert.deepEqual(chooseTextSize("l", "l"), { size: "l", remember: false });
    assert.deepEqual(chooseTextSize(undefined, "s"), { size: "s", remember: false });
    assert.deepEqual(chooseTextSize("xl", "bogus"), { size: "m", remember: false });
  });
});
