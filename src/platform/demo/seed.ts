// The demo seeders (GONGKAI_DEMO on, empty database only): the site frame first, then the demo
// content replayed in time order in one transaction, so it is loaded whole or not at all.
import { todayInShanghai } from "../../calendar/rules";
import { loadWorkCalendar } from "../../calendar/store";
import { applicationKeys } from "../../requests/applicant-data";
import type { Seeder } from "../seed";
import { demoApplicationSteps } from "./applications";
import { type RecordCast, recordSteps } from "./record-steps";
import { demoRecordPlans } from "./records";
import { demoSiteSeeder } from "./site";
import { demoActor, playInOrder, type StoryStep } from "./story";

export const demoContentSeeder: Seeder = {
  name: "demo:content",
  demo: true,
  async run(ctx) {
    const { config, now } = ctx;
    const filed: string[] = [];
    await ctx.db.transaction().execute(async (trx) => {
      const calendar = await loadWorkCalendar(trx);
      const today = todayInShanghai(now);
      const units = new Map(
        (await trx.selectFrom("units").select(["id", "name"]).execute()).map((u) => [u.name, u.id]),
      );
      const unitId = (name: string) => {
        const id = units.get(name);
        if (id === undefined) throw new Error(`demo unit ${name} is missing`);
        return id;
      };
      const catalog = new Map(
        (
          await trx
            .selectFrom("catalog_items")
            .select(["id", "code"])
            .where("is_active", "=", 1)
            .execute()
        ).map((i) => [i.code, i.id]),
      );
      const cast: RecordCast = {
        editor: await demoActor(trx, "demo-editor"),
        reviewer: await demoActor(trx, "demo-reviewer"),
        approver: await demoActor(trx, "demo-approver"),
      };
      const ids = new Map<string, number>();
      const plans = demoRecordPlans({
        calendar,
        today,
        unitId,
        catalogItemId: (code) => catalog.get(code) ?? null,
      });
      const steps: StoryStep[] = plans.flatMap((plan) => recordSteps(trx, cast, plan, ids));
      // Applicant data is encrypted with GONGKAI_SECRET; without one there are no demo cases.
      if (config.secret) {
        steps.push(
          ...demoApplicationSteps(trx, {
            calendar,
            today,
            keys: applicationKeys(config.secret),
            officer: await demoActor(trx, "demo-officer"),
            unitId,
            filed: (no, code) => filed.push(`${no}(查询码 ${code})`),
          }),
        );
      }
      await playInOrder(steps);
      ctx.logger.info("demo content seeded", { records: ids.size, applications: filed.length });
    });
    if (filed.length > 0) {
      ctx.announce(`已载入演示申请 ${filed.join("、")},可在“依申请公开”页面查询办理进度。`);
    }
  },
};

/** In the order they run, after the shipped catalog. */
export const demoSeeders: Seeder[] = [demoSiteSeeder, demoContentSeeder];
