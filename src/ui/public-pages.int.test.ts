// The public page pipeline through the app: 关怀模式 and 简繁 switches (cookies, no open
// redirect), pages in traditional characters (text converted; URLs, tokens and values not), and
// the public page cache (anonymous only, never a CSRF form or a signed-in page, variants kept
// apart, a change published through the back office visible on the very next request).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Browser, createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { type Newsroom, openNewsroom } from "../disclosure/test-fixtures";
import { createApp } from "../http/app";
import { createLogger } from "../platform/log";
import { createRecord } from "../records/service";
import { actorFor, buildRecord, publishableReview } from "../records/test-fixtures";
import { transitionRecord } from "../records/transitions";
import { PageCache } from "./cache/page-cache";

const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({
  headers: { cookie, ...extra },
});

describe("display preference links", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it("care mode is switched on and off by a link and remembered in a cookie", async () => {
    const b = t.browser();
    const on = await b.get(
      `/preferences/care-mode?on=1&back=${encodeURIComponent("/disclosure/records?page=1")}`,
    );
    assert.equal(on.status, 303);
    assert.equal(on.headers.get("location"), "/disclosure/records?page=1");
    assert.equal(b.cookie("gk_care"), "1");
    assert.match(on.headers.get("set-cookie") ?? "", /gk_care=1;.*Max-Age=31536000.*HttpOnly/);
    const home = await (await b.get("/")).text();
    assert.match(home, /<html lang="zh-CN" class="care-mode">/);
    assert.match(home, /<script src="\/static\/read-aloud.js\?v=[\w-]{8}" defer="">/);
    assert.match(home, /id="read-aloud"/);
    assert.match(home, /href="\/preferences\/care-mode\?on=0&amp;back=%2F"[^>]*>退出长辈版/);
    const off = await b.get("/preferences/care-mode?on=0&back=/");
    assert.equal(off.status, 303);
    assert.equal(b.cookie("gk_care"), undefined);
    const plain = await (await b.get("/")).text();
    assert.match(plain, /<html lang="zh-CN">/);
    assert.doesNotMatch(plain, /read-aloud/);
    assert.match(plain, /href="\/preferences\/care-mode\?on=1&amp;back=%2F"/);
  });

  it("the care-mode home page is shorter", async () => {
    const news = await openNewsroom(t);
    for (let i = 0; i < 8; i += 1) await news.publish({ title: `演示通知第${i + 1}号` });
    const count = (html: string) => (html.match(/<li><a href="\/records\//g) ?? []).length;
    assert.equal(count(await (await t.app.request("/")).text()), 8);
    assert.equal(count(await (await t.app.request("/", withCookie("gk_care=1"))).text()), 5);
  });

  it("never redirects to another site", async () => {
    for (const back of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "http:evil.example",
      "",
    ]) {
      for (const path of ["/preferences/care-mode?on=1", "/preferences/script?to=t"]) {
        const res = await t.app.request(`${path}&back=${encodeURIComponent(back)}`);
        assert.equal(res.status, 303);
        assert.equal(res.headers.get("location"), "/", `${path} back=${JSON.stringify(back)}`);
      }
    }
  });

  it("the script switch sets gk_script and back to simplified clears it", async () => {
    const b = t.browser();
    const res = await b.get("/preferences/script?to=t&back=/search");
    assert.equal(res.headers.get("location"), "/search");
    assert.equal(b.cookie("gk_script"), "t");
    assert.match(await (await b.get("/search")).text(), /<html lang="zh-Hant">/);
    await b.get("/preferences/script?to=s&back=/");
    assert.equal(b.cookie("gk_script"), undefined);
  });
});

describe("pages in traditional characters", () => {
  let t: TestApp;
  let news: Newsroom;
  let licence: number;
  before(async () => {
    t = await createTestApp();
    news = await openNewsroom(t);
    licence = await news.publish({
      title: "食品经营许可准予许可信息公示",
      genre: "licence",
      bodyHtml: '<p>以下经营者准予许可,<a href="https://example.com/许可/说明">查看说明</a>。</p>',
    });
    await news.publish({ title: "关于调整办公时间的通知", bodyHtml: "<p>调整办公时间。</p>" });
  });
  after(() => t.close());

  it("converts the text and the lang, not the URLs", async () => {
    const html = await (
      await t.app.request(`/records/${licence}`, withCookie("gk_script=t"))
    ).text();
    assert.match(html, /<html lang="zh-Hant">/);
    assert.match(html, /<title>食品經營許可准予許可信息公示 - /);
    assert.match(html, /<h1 class="record-title">食品經營許可准予許可信息公示<\/h1>/);
    assert.match(html, /<a href="https:\/\/example.com\/许可\/说明">查看說明<\/a>/);
    assert.match(html, /aria-label="主導航"/);
    assert.match(
      html,
      /href="\/preferences\/script\?to=s&amp;back=%2Frecords%2F\d+"[^>]*>簡體<\/a>/,
    );
    assert.doesNotMatch(html, /政府信息公开|首页/);
  });

  it("leaves the CSRF token and form values alone", async () => {
    const b = t.browser();
    const simplified = await (await b.get("/applications/new")).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(simplified)![1]!;
    await b.get("/preferences/script?to=t&back=/");
    const traditional = await (await b.get("/applications/new")).text();
    assert.match(traditional, /<html lang="zh-Hant">/);
    assert.ok(traditional.includes(`name="_csrf" value="${token}"`));
    const names = (html: string) => [...html.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]).join();
    const values = (html: string) =>
      [...html.matchAll(/<(?:option|input(?![^>]*type="submit"))[^>]* value="([^"]*)"/g)]
        .map((m) => m[1])
        // the offline human check's challenge is new on every render
        .filter((v) => !/^\d{13}\./.test(v ?? ""))
        .join();
    assert.equal(names(traditional), names(simplified));
    assert.equal(values(traditional), values(simplified));
  });

  it("a traditional query finds the same records, and the box keeps what was typed", async () => {
    const first = async (q: string, cookie = "") => {
      const html = await (
        await t.app.request(`/search?q=${encodeURIComponent(q)}`, withCookie(cookie))
      ).text();
      return { id: /<h2><a href="\/records\/(\d+)">/.exec(html)?.[1], html };
    };
    const simplified = await first("许可");
    const traditional = await first("許可");
    assert.equal(simplified.id, String(licence));
    assert.equal(traditional.id, simplified.id);
    const shown = await first("许可", "gk_script=t");
    assert.equal(shown.id, simplified.id);
    assert.match(shown.html, /name="q" value="许可"/);
    assert.match(shown.html, /<mark>許可<\/mark>/);
  });

  it("the back office is never converted", async () => {
    await t.createUser("staff", ["editor"]);
    const b = await t.login("staff");
    await b.get("/preferences/script?to=t&back=/");
    assert.match(await (await b.get("/admin")).text(), /<html lang="zh-CN">/);
  });
});

describe("the public page cache", () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let cache: PageCache;

  /** An app with a page cache over the same database and clock as `t`. */
  before(async () => {
    t = await createTestApp();
    cache = new PageCache();
    app = createApp(
      {
        db: t.t.db,
        engine: t.t.engine,
        config: t.config,
        logger: createLogger("silent"),
        clock: () => t.now(),
      },
      { pageCache: cache },
    );
    await openNewsroom(t);
  });
  after(() => t.close());

  const get = (path: string, cookie = "", headers: Record<string, string> = {}) =>
    app.request(path, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

  /** A record drafted, submitted and approved through the services, waiting for sign-off. */
  const awaitingSignoff = async (title: string) => {
    const editor = await actorFor(t.t.db, "editor");
    const reviewer = await actorFor(t.t.db, "reviewer");
    const id = (await createRecord(t.t.db, buildRecord({ title }), editor, t.now())).id;
    await transitionRecord(t.t.db, id, { action: "submit" }, editor, t.now());
    await transitionRecord(
      t.t.db,
      id,
      { action: "approve", review: publishableReview },
      reviewer,
      t.now(),
    );
    return id;
  };

  const signIn = async (username: string) => {
    const b = new Browser(app);
    await b.get("/login");
    const res = await b.post("/login", { username, password: testPassword });
    assert.equal(res.status, 303);
    return b;
  };

  it("serves anonymous pages from memory, compressed, with ETag and 304", async () => {
    const first = await get("/");
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("x-page-cache"), "miss");
    assert.equal(first.headers.get("x-gongkai-shareable"), null);
    const body = await first.text();
    const second = await get("/", "", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(second.headers.get("x-page-cache"), "hit");
    assert.equal(second.headers.get("content-encoding"), "br");
    assert.equal(second.headers.get("vary"), "Accept-Encoding, Cookie");
    assert.match(second.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.equal(brotliDecompressSync(Buffer.from(await second.arrayBuffer())).toString(), body);
    const gz = await get("/", "", { "accept-encoding": "gzip" });
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), body);
    const etag = second.headers.get("etag")!;
    const revalidated = await get("/", "", { "if-none-match": etag });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), "");
    const head = await app.request("/", { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get("x-page-cache"), "hit");
  });

  it("a record published through the back office is on the next anonymous home and list page", async () => {
    const id = await awaitingSignoff("关于缓存失效测试的通知");
    for (const path of ["/", "/disclosure/records"]) {
      await get(path);
      assert.equal((await get(path)).headers.get("x-page-cache"), "hit");
      assert.doesNotMatch(await (await get(path)).text(), /关于缓存失效测试的通知/);
    }
    const approver = await signIn("approver");
    await approver.get(`/admin/records/${id}`);
    const signed = await approver.post(`/admin/records/${id}/actions/sign`, {
      signComment: "同意",
    });
    assert.equal(signed.status, 303);
    for (const path of ["/", "/disclosure/records"]) {
      const res = await get(path);
      assert.equal(res.headers.get("x-page-cache"), "miss", path);
      assert.match(await res.text(), /关于缓存失效测试的通知/, path);
    }
  });

  it("a signed-in visitor's page never comes from, nor goes into, the cache", async () => {
    await get("/");
    assert.equal((await get("/")).headers.get("x-page-cache"), "hit");
    const staff = await signIn("editor");
    const res = await staff.get("/");
    assert.equal(res.headers.get("x-page-cache"), null);
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    // Any unknown cookie also means "maybe personal".
    assert.equal((await get("/", "other=1")).headers.get("x-page-cache"), null);
  });

  it("a page with a CSRF form is never cached, nor one that sets a cookie", async () => {
    for (const path of ["/login", "/applications/new"]) {
      await get(path);
      const again = await get(path);
      assert.equal(again.status, 200);
      assert.equal(again.headers.get("x-page-cache"), null, path);
      assert.equal(again.headers.get("x-gongkai-shareable"), null, path);
    }
    const id = (
      await t.t.db
        .selectFrom("records")
        .select("id")
        .where("state", "=", "published")
        .executeTakeFirstOrThrow()
    ).id;
    const sized = await get(`/records/${id}?size=l`);
    assert.match(sized.headers.get("set-cookie") ?? "", /gk_text_size=l/);
    assert.equal(sized.headers.get("x-page-cache"), null);
    assert.equal((await get(`/records/${id}?size=l`)).headers.get("x-page-cache"), null);
  });

  it("keeps the traditional and care-mode variants apart", async () => {
    const variants = ["", "gk_script=t", "gk_care=1", "gk_care=1; gk_script=t"];
    const bodies = [];
    for (const cookie of variants) {
      await get("/disclosure", cookie);
      const hit = await get("/disclosure", cookie);
      assert.equal(hit.headers.get("x-page-cache"), "hit", cookie);
      bodies.push(await hit.text());
    }
    assert.match(bodies[0]!, /<html lang="zh-CN">/);
    assert.match(bodies[1]!, /<html lang="zh-Hant">/);
    assert.match(bodies[2]!, /<html lang="zh-CN" class="care-mode">/);
    assert.match(bodies[3]!, /<html lang="zh-Hant" class="care-mode">/);
    assert.equal(new Set(bodies).size, 4);
  });

  it("entries expire after the TTL, for changes that come with time", async () => {
    await get("/disclosure/guide");
    assert.equal((await get("/disclosure/guide")).headers.get("x-page-cache"), "hit");
    t.setNow(new Date(t.now().getTime() + 61_000).toISOString());
    assert.equal((await get("/disclosure/guide")).headers.get("x-page-cache"), "miss");
  });

  it("error pages are not cached", async () => {
    await get("/records/999999");
    const again = await get("/records/999999");
    assert.equal(again.status, 404);
    assert.equal(again.headers.get("x-page-cache"), null);
  });
});
