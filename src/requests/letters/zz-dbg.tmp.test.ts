import { it } from "node:test";
import { createTestApp } from "../../../test/support/app";
it("dbg", async () => {
  const t = await createTestApp({ start: "2025-03-20T02:00:00Z" });
  await t.createUser("admin2", ["admin"]);
  const admin = await t.login("admin2");
  console.log("logged in");
  const key = encodeURIComponent("reply:results.not_disclosed.third_party_rights");
  const body = "{申请人}:\n经审查,依据{依据条款},本机关决定不予公开。\n{理由}\n{救济途径}\n特此告知。";
  await admin.get(`/admin/letter-templates/${key}`);
  console.log("got form");
  const preview = await admin.post(`/admin/letter-templates/${key}`, { action: "preview", title: "不予公开告知书(修订)", body });
  console.log("preview", preview.status);
  const saved = await admin.post(`/admin/letter-templates/${key}`, { action: "save", title: "x", body });
  console.log("saved", saved.status);
  await t.close();
});
