import { z } from "zod";
import { parseTopic, type Topic } from "./topics";

/** The public subscribe form. `topics` are checkbox values, `catalogItem` an optional id. */
export const subscribeSchema = z
  .object({
    email: z
      .string({ error: "请填写电子邮箱" })
      .trim()
      .min(1, "请填写电子邮箱")
      .max(254, "电子邮箱不能超过254个字符")
      .pipe(z.email({ error: "请填写有效的电子邮箱,例如 name@example.com" })),
    topics: z.array(z.string().max(40)).max(30, "选择的订阅内容过多").default([]),
    catalogItem: z
      .string()
      .regex(/^(|[1-9]\d{0,9})$/, "请选择列表中的目录事项")
      .default(""),
  })
  .transform((v, ctx) => {
    const topics: Topic[] = [];
    for (const value of v.topics) {
      const t = parseTopic(value);
      if (!t || t.topic === "catalogItem") {
        ctx.addIssue({ code: "custom", path: ["topics"], message: "订阅内容无效,请重新选择" });
        return z.NEVER;
      }
      topics.push(t);
    }
    if (v.catalogItem) topics.push({ topic: "catalogItem", ref: v.catalogItem });
    if (topics.length === 0) {
      ctx.addIssue({ code: "custom", path: ["topics"], message: "请至少选择一项订阅内容" });
      return z.NEVER;
    }
    return { email: v.email, topics };
  });
