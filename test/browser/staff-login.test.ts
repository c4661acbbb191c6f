// A system administrator's first day: log in with the initial password, be made to change it,
// reach the 工作台, create a colleague's account in 用户管理, and log out. The colleague then
// logs in with the initial password shown once and is made to change it too.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { type Journey, journey } from "./support/journey";

const newAdminPassword = "Xin-Mima-2024-admin";
const colleaguePassword = "Tongshi-Mima-2024";

async function logIn(j: Journey, username: string, password: string): Promise<void> {
  const { page } = j;
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: false }).last().fill(password);
  await j.follow(page.locator("main").getByRole("button", { name: "登录" }));
}

/** The forced change: the page says why, and the new password is set through the form. */
async function changeInitialPassword(j: Journey, current: string, next: string): Promise<void> {
  const { page } = j;
  assert.equal(new URL(page.url()).pathname, "/account/password");
  await page.getByText("请先设置新密码").waitFor();
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: false }).first().fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await j.follow(page.getByRole("button", { name: "保存新密码" }));
  await page.getByRole("status").filter({ hasText: "密码已修改" }).waitFor();
}

async function menuLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: "后台菜单" }).getByRole("link", { name });
}

journey(
  "an administrator changes the initial password, creates a user and logs out",
  async (j) => {
    const { page } = j;
    await j.visit("/login");
    await logIn(j, "admin", j.server.adminPassword);
    await changeInitialPassword(j, j.server.adminPassword, newAdminPassword);

    await j.follow(await menuLink(page, "工作台"));
    assert.equal(new URL(page.url()).pathname, "/admin");
    await page.getByRole("heading", { level: 1, name: "工作台" }).waitFor();
    await j.screenshot();

    await j.follow(await menuLink(page, "用户管理"));
    await page.getByRole("heading", { level: 1, name: "用户管理" }).waitFor();
    await j.follow(page.getByRole("link", { name: "新建用户" }));
    const username = `clerk-${j.size.name}`;
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("姓名").fill("张信息");
    await page.getByLabel("所属单位").selectOption({ index: 0 });
    await page.getByRole("checkbox", { name: "信息员" }).check();
    await page.getByRole("checkbox", { name: "审核人" }).check();
    await j.follow(page.getByRole("button", { name: "创建用户" }));
    await page.getByRole("heading", { level: 1, name: "用户已创建" }).waitFor();
    const initial = (await page.locator("code.secret").textContent())?.trim() ?? "";
    assert.ok(initial.length >= 10, `an initial password is shown once (got "${initial}")`);

    await j.follow(await menuLink(page, "用户管理"));
    await page.getByRole("link", { name: username }).waitFor();

    await j.follow(page.getByRole("button", { name: "退出登录" }));
    assert.equal(new URL(page.url()).pathname, "/login");

    // The new colleague's first login is forced through the same change.
    await logIn(j, username, initial);
    await changeInitialPassword(j, initial, colleaguePassword);
    await j.follow(page.getByRole("button", { name: "退出登录" }));
    assert.equal(new URL(page.url()).pathname, "/login");
  },
  { serverPerSize: true, demo: false },
);
