// The staff login and the forced password change with the keyboard alone: Tab, Shift+Tab,
// Enter and typing, no mouse or touch. Every focus stop must show a visible focus indicator,
// and the skip link is the first stop on every page and moves focus to the main content.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { type Journey, journey } from "./support/journey";
import { focused, tab, tabTo } from "./support/keyboard";

const newPassword = "Jianpan-Mima-2024";

/** From the top of a freshly loaded page: Tab reaches the skip link first; Enter jumps to #main. */
async function skipToMain(page: Page): Promise<void> {
  const first = await tab(page);
  assert.match(first.describe, /^a\.skip-link "跳到主要内容"/, `first Tab stop: ${first.describe}`);
  await page.keyboard.press("Enter");
  const target = await focused(page);
  assert.equal(target.id, "main", `the skip link moved focus to ${target.describe}`);
  assert.ok((await page.evaluate("location.hash")) === "#main");
}

/** Tab to a field inside main, check it is the expected one, and type into it. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const stops = await tabTo(page, selector, { max: 8 });
  assert.ok(stops.at(-1)!.inMain, `${selector} is inside the main content`);
  await page.keyboard.type(text);
}

/** Press Enter on the focused element; the page it loads is checked like any other. */
async function enter(j: Journey): Promise<void> {
  await j.navigate(() => j.page.keyboard.press("Enter"));
}

journey(
  "a staff member logs in and changes the initial password with the keyboard alone",
  async (j) => {
    const { page } = j;
    await j.visit("/login");

    await skipToMain(page);
    await typeInto(page, "#f-username", "admin");
    await typeInto(page, "#f-password", "wrong-password");
    // Back to the user name with Shift+Tab and forward again: the order runs both ways.
    const back = await tab(page, { back: true });
    assert.equal(back.id, "f-username");
    await tab(page);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type(j.server.adminPassword);
    await enter(j);

    assert.equal(new URL(page.url()).pathname, "/account/password");
    await skipToMain(page);
    await typeInto(page, "#f-current", j.server.adminPassword);
    await typeInto(page, "#f-password", newPassword);
    await typeInto(page, "#f-confirm", "not-the-same-2024");
    await tabTo(page, 'main button[type="submit"]', { max: 3 });
    await enter(j);

    // A mismatch: the error summary is announced and its link takes focus to the field.
    assert.equal(new URL(page.url()).pathname, "/account/password");
    await page.getByRole("alert").waitFor();
    await skipToMain(page);
    await tabTo(page, '#error-summary a[href="#f-confirm"]', { max: 6 });
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).id, "f-confirm", "the error link focuses the field");
    await j.screenshot("error");

    // Fill the form again from the top of main.
    await tabTo(page, "#f-current", { back: true, max: 6 });
    await page.keyboard.type(j.server.adminPassword);
    await typeInto(page, "#f-password", newPassword);
    await typeInto(page, "#f-confirm", newPassword);
    await tabTo(page, 'main button[type="submit"]', { max: 3 });
    await enter(j);
    await page.getByRole("status").filter({ hasText: "密码已修改" }).waitFor();

    // To the 工作台 through the back-office menu.
    await tabTo(page, '.bo-nav a[href="/admin"]', { max: 10 });
    await enter(j);
    assert.equal(new URL(page.url()).pathname, "/admin");
    await page.getByRole("heading", { level: 1, name: "工作台" }).waitFor();
    await j.screenshot();

    // And out again.
    await tabTo(page, "form[action='/logout'] button", { max: 10 });
    await enter(j);
    assert.equal(new URL(page.url()).pathname, "/login");
  },
  { serverPerSize: true, demo: false },
);
