import { launchBrowser } from "./support/browser";
import { startServer, stopAllServers } from "./support/server";
import { staffUser, staffPassword } from "./support/staff";
const server = await startServer();
await staffUser(server, "p-rev", ["reviewer"]);
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, baseURL: server.url });
const page = await ctx.newPage();
await page.goto("/login");
await page.getByLabel("用户名").fill("p-rev");
await page.getByLabel("密码", { exact: false }).last().fill(staffPassword);
await Promise.all([page.waitForNavigation(), page.locator("main").getByRole("button", { name: "登录" }).click()]);
for (const path of ["/admin/reports/annual/2026", "/admin/reports/annual/2025"]) {
  await page.goto(path);
  const measure = () => page.evaluate(`(() => [...document.querySelectorAll("table.report-table")].map(t => Math.round(t.getBoundingClientRect().width) + ":" + t.querySelectorAll("thead th").length + ":" + (t.querySelector("thead")?.innerText.replace(/\\s+/g," ").slice(0,200))))()`);
  console.log(path, "before", await measure());
  await page.addStyleTag({ content: `@media (max-width: 30rem) { .report-table { font-size: 0.75rem; } .report-table th, .report-table td { padding: 0.2rem 0.15rem; } }` });
  console.log(path, "after", await measure(), await page.evaluate("document.documentElement.scrollWidth"));
}
await browser.close();
await server.stop();
await stopAllServers();
