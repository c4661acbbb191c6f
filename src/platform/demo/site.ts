// The demo site's frame: its settings, the bureau's units and one staff account per role. Where
// demo content is marked: the site name (shown in every page's header and title, public and back
// office) and the footer's contact line say 演示; each demo body ends with (演示数据); the demo
// accounts are demo-*. Unit names stay as a real bureau's are, so the pages look as they will.
import { generateInitialPassword } from "../../accounts/passwords";
import { type Role, roleLabels } from "../../accounts/roles";
import { createUser } from "../../accounts/service";
import { addUnit } from "../../org/service";
import { rootUnit } from "../../org/store";
import type { UnitKind } from "../../org/tables";
import { recordAudit, systemActor } from "../audit";
import type { Seeder } from "../seed";
import {
  loadSiteSettings,
  type SiteSettings,
  saveSiteSettings,
  siteSettingsSchema,
} from "../settings";
import { forgetSiteSettings } from "../site-cache";

/**
 * 统一社会信用代码 of the demo site: a demo value, NOT the code of any real body. All digits in
 * sequence so nobody takes it for real; it has the right length and a valid GB 32100 check
 * character, so 索引号 built from it look as they will on a real site.
 */
export const DEMO_CREDIT_CODE = "123456789012345678";

export const demoSiteSettings: Omit<SiteSettings, "indexNoPattern"> = {
  siteName: "渑池县市场监督管理局政务公开(演示站点)",
  hostOrganisation: "渑池县市场监督管理局",
  contact: "本站为 Gongkai 演示站点,所列信息、申请和联系方式均为演示数据,不代表任何机关的真实信息",
  // 网站标识码, ICP and 公安备案号 are issued to a real site; a demo site has none.
  siteCode: "",
  icpNumber: "",
  policeRecordNumber: "",
  creditCode: DEMO_CREDIT_CODE,
};

/** The units under 局机关, in the order the back office lists them. */
export const demoUnits: readonly { name: string; kind: Exclude<UnitKind, "bureau"> }[] = [
  { name: "办公室", kind: "department" },
  { name: "法规股", kind: "department" },
  { name: "食品生产股", kind: "department" },
  { name: "食品经营股", kind: "department" },
  { name: "药品医疗器械股", kind: "department" },
  { name: "城关市场监管所", kind: "township_office" },
  { name: "仰韶市场监管所", kind: "township_office" },
];

/** One account per role (the admin exists already); `unit` null is 局机关 itself. */
export const demoAccounts: readonly {
  username: string;
  displayName: string;
  role: Exclude<Role, "admin">;
  unit: string | null;
}[] = [
  { username: "demo-editor", displayName: "演示信息员", role: "editor", unit: "办公室" },
  { username: "demo-reviewer", displayName: "演示审核人", role: "reviewer", unit: "法规股" },
  { username: "demo-approver", displayName: "演示签发人", role: "approver", unit: null },
  {
    username: "demo-officer",
    displayName: "演示依申请公开经办人",
    role: "applicationOfficer",
    unit: "办公室",
  },
  { username: "demo-auditor", displayName: "演示审计员", role: "auditor", unit: null },
];

export const demoSiteSeeder: Seeder = {
  name: "demo:site",
  demo: true,
  async run(ctx) {
    const { db, now } = ctx;
    const settings = siteSettingsSchema.parse({
      ...(await loadSiteSettings(db)),
      ...demoSiteSettings,
    });
    await db.transaction().execute(async (trx) => {
      await saveSiteSettings(trx, settings);
      const detail = "载入演示站点设置";
      await recordAudit(
        trx,
        systemActor,
        { action: "settings.updated", objectType: "site_settings", detail },
        now,
      );
    });
    forgetSiteSettings();

    const root = await rootUnit(db);
    if (!root) throw new Error("demo:site needs the root unit created at first start");
    const unitIds = new Map<string | null, number>([[null, root.id]]);
    for (const unit of demoUnits) {
      const result = await addUnit(db, systemActor, { ...unit, parentId: root.id }, now);
      if (!result.ok) throw new Error(`demo unit ${unit.name}: ${JSON.stringify(result.errors)}`);
      unitIds.set(unit.name, result.id);
    }

    // One shared initial password, shown once like the admin's; everyone must change it.
    const password = generateInitialPassword();
    for (const account of demoAccounts) {
      await createUser(
        db,
        systemActor,
        {
          username: account.username,
          displayName: account.displayName,
          unitId: unitIds.get(account.unit)!,
          roles: [account.role],
          password,
          mustChangePassword: true,
        },
        now,
      );
    }
    const names = demoAccounts.map((a) => `${a.username}(${roleLabels[a.role]})`).join("、");
    ctx.announce(
      `已创建演示账号 ${names},共用初始密码:${password}(仅显示这一次,首次登录须修改密码)`,
    );
  },
};
