import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { careModeHref, isPublicPath, preferencesOf, safeBackPath, scriptHref } from "./preferences";

describe("safeBackPath", () => {
  it("keeps a path and query on this site", () => {
    assert.equal(
      safeBackPath("/disclosure/records?page=2&q=%E8%AE%B8"),
      "/disclosure/records?page=2&q=%E8%AE%B8",
    );
    assert.equal(safeBackPath("/"), "/");
    assert.equal(safeBackPath("/records/1#top"), "/records/1");
  });
  it("refuses every other place (no open redirect)", () => {
    for (const evil of [
      undefined,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "/\t/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /x",
      `/${"a".repeat(2001)}`,
      "/preferences/care-mode?on=1&back=/",
    ]) {
      assert.equal(safeBackPath(evil), "/", String(evil));
    }
  });
});

describe("preferences", () => {
  it("reads the cookies strictly", () => {
    assert.deepEqual(preferencesOf({}), { careMode: false, script: "s" });
    assert.deepEqual(preferencesOf({ gk_care: "1", gk_script: "t" }), {
      careMode: true,
      script: "t",
    });
    assert.deepEqual(preferencesOf({ gk_care: "yes", gk_script: "hk" }), {
      careMode: false,
      script: "s",
    });
  });
  it("builds switch links that come back here", () => {
    assert.equal(
      careModeHref(true, "/search?q=食品"),
      "/preferences/care-mode?on=1&back=%2Fsearch%3Fq%3D%E9%A3%9F%E5%93%81",
    );
    assert.equal(scriptHref("t", "/"), "/preferences/script?to=t&back=%2F");
  });
  it("treats staff pages as not public", () => {
    assert.equal(isPublicPath("/admin"), false);
    assert.equal(isPublicPath("/admin/records/1"), false);
    assert.equal(isPublicPath("/account/password"), false);
    assert.equal(isPublicPath("/administration-guide"), true);
    assert.equal(isPublicPath("/records/1"), true);
  });
});
