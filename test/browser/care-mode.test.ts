// 关怀模式 (长辈版) and 简繁: switched on with the header links at phone and desktop size, then on
// the home page, a record page and the search page: computed body text at least 18 px, every
// visible link and button at least 44 px tall, and (as on every journey page) no serious axe
// violation, no horizontal scroll at 360 px and under 60 KB. Then 繁體 turns the page traditional.
import assert from "node:assert/strict";
import { type Journey, journey } from "./support/journey";

async function assertCareLayout(j: Journey, where: string): Promise<void> {
  // A string, as in support/checks.ts: the project compiles without the DOM library.
  const found = (await j.page.evaluate(`(() => {
    const body = Number.parseFloat(getComputedStyle(document.body).fontSize);
    const small = [...document.querySelectorAll("a, button")]
      .map((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const visible = box.width > 0 && box.height > 0 && style.visibility !== "hidden";
        return { visible, height: box.height, text: (el.textContent ?? "").trim().slice(0, 30) };
      })
      .filter((e) => e.visible && e.height < 44);
    return { body, small, careMode: document.documentElement.classList.contains("care-mode") };
  })()`)) as {
    body: number;
    small: { visible: boolean; height: number; text: string }[];
    careMode: boolean;
  };
  assert.ok(found.careMode, `${where}: care mode is on`);
  assert.ok(found.body >= 18, `${where}: body text ${found.body}px, at least 18px`);
  assert.deepEqual(found.small, [], `${where}: links and buttons under 44px tall`);
}

journey(
  "an older visitor turns on 长辈版 and reads the home page, a record and a search",
  async (j) => {
    const { page } = j;
    await j.visit("/");
    await j.follow(page.getByRole("link", { name: "长辈版(大字)" }));
    assert.equal(new URL(page.url()).pathname, "/");
    await assertCareLayout(j, "home");
    // The read-aloud button exists only where the browser can speak.
    const speaks = (await page.evaluate(`"speechSynthesis" in window`)) as boolean;
    assert.equal(await page.getByRole("button", { name: "朗读本页" }).count(), speaks ? 1 : 0);
    await j.screenshot("home");

    await j.follow(page.locator('main a[href^="/records/"]').first());
    assert.match(new URL(page.url()).pathname, /^\/records\/\d+$/);
    await assertCareLayout(j, "record");

    await j.visit(`/search?q=${encodeURIComponent("食品")}`);
    await assertCareLayout(j, "search");
    await j.screenshot("search");

    // 繁體, then back to 简体; both keep the visitor on the same page.
    await j.follow(page.getByRole("link", { name: "繁體" }));
    assert.equal(new URL(page.url()).pathname, "/search");
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    await page.getByRole("navigation", { name: "主導航" }).waitFor();
    assert.equal(await page.getByRole("searchbox").first().inputValue(), "食品");
    await assertCareLayout(j, "search (traditional)");
    await j.follow(page.getByRole("link", { name: "簡體" }));
    assert.equal(await page.getAttribute("html", "lang"), "zh-CN");

    await j.follow(page.getByRole("link", { name: "退出长辈版" }));
    assert.equal(await page.getAttribute("html", "class"), null);
  },
);
