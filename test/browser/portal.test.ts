// A citizen on the public portal: 首页 → 政府信息公开 → 标准目录 → an item → a record → print,
// and a search for 食品 from the home page. Runs on the demo site (GONGKAI_DEMO on).
import assert from "node:assert/strict";
import { type Journey, journey } from "./support/journey";

/** The first published record linked from the current page, if any. */
async function openFirstRecord(j: Journey, where: string): Promise<boolean> {
  const link = j.page.locator('main a[href^="/records/"]').first();
  if ((await link.count()) === 0) {
    j.note(`no published record linked from ${where} yet: record and print steps skipped there`);
    return false;
  }
  await j.follow(link);
  assert.match(new URL(j.page.url()).pathname, /^\/records\/\d+$/);
  await j.page.locator("h1.record-title").waitFor();
  // The metadata table every government record page shows (索引号 … 有效性).
  await j.page.getByRole("rowheader", { name: "索引号" }).waitFor();
  return true;
}

/** The name of the first catalog item on /disclosure with at least one published record. */
async function itemWithRecords(j: Journey): Promise<string | null> {
  for (const li of await j.page.locator("#statutory li").all()) {
    const count = /((\d+))/.exec((await li.textContent()) ?? "")?.[1];
    if (count && Number(count) > 0)
      return (await li.locator("a").first().textContent())?.trim() ?? null;
  }
  j.note("no catalog item has a published record yet");
  return null;
}

async function printRecord(j: Journey): Promise<void> {
  await j.follow(j.page.getByRole("link", { name: "打印", exact: true }));
  assert.match(new URL(j.page.url()).pathname, /^\/records\/\d+\/print$/);
  await j.screenshot("print");
  await j.follow(j.page.getByRole("link", { name: "返回信息页面" }));
  assert.match(new URL(j.page.url()).pathname, /^\/records\/\d+$/);
}

journey("a citizen browses the disclosure portal, searches 食品 and prints a record", async (j) => {
  const { page } = j;
  await j.visit("/");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.getByRole("heading", { level: 1 }).waitFor();

  await j.follow(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政府信息公开" }),
  );
  assert.equal(new URL(page.url()).pathname, "/disclosure");
  await page.getByRole("heading", { level: 1, name: "政府信息公开" }).waitFor();
  // 法定主动公开内容 lists each catalog item with its number of records: pick one that has some.
  const item = await itemWithRecords(j);

  await j.follow(page.locator("main").getByRole("link", { name: "标准目录", exact: true }).first());
  assert.equal(new URL(page.url()).pathname, "/disclosure/catalog");
  await page.getByRole("table").first().waitFor();
  await j.screenshot();

  // Each 二级事项 links to its own page with the records filed under it.
  const table = page.locator("main table").first();
  await j.follow(
    item
      ? table.getByRole("link", { name: item, exact: true })
      : table.locator('a[href^="/disclosure/catalog/"]').first(),
  );
  assert.match(new URL(page.url()).pathname, /^\/disclosure\/catalog\/\d+$/);
  await page.getByRole("heading", { level: 2, name: "已公开的信息" }).waitFor();
  if (await openFirstRecord(j, "the catalog item page")) {
    await j.screenshot("record");
    await printRecord(j);
  }

  // Search from the home page, as most visitors do.
  await j.follow(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }),
  );
  const box = page.getByRole("searchbox").first();
  if ((await box.count()) === 0) {
    j.note("the home page has no search box yet: search steps skipped");
    return;
  }
  await box.fill("食品");
  await j.navigate(() => box.press("Enter"));
  const url = new URL(page.url());
  assert.equal(url.pathname, "/search");
  assert.equal(url.searchParams.get("q"), "食品");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await j.screenshot("search");
  if (await openFirstRecord(j, "the search results for 食品")) await printRecord(j);

  // An old or mistyped link: a 404 page in the portal layout, with the way back home.
  const res = await j.visit("/records/99999999");
  assert.equal(res?.status(), 404);
  await j.follow(page.locator("main").getByRole("link", { name: "返回首页" }));
  assert.equal(new URL(page.url()).pathname, "/");
});
