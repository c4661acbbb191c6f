import { z } from "zod";

export const unitKinds = ["bureau", "department", "township_office"] as const;

/** The unit form (create and edit). An empty parent means the top of the tree. */
export const unitSchema = z.object({
  name: z.string().trim().min(1, "请填写单位名称").max(50, "单位名称不能超过50字"),
  kind: z.enum(unitKinds, { error: "请选择单位类型" }),
  parentId: z
    .string({ error: "请选择上级单位" })
    .trim()
    .regex(/^\d{0,12}$/, "上级单位选择有误")
    .transform((v) => (v === "" ? null : Number(v))),
});

export type UnitInput = z.output<typeof unitSchema>;

/** A numeric id from a path segment, or null when it is not one. */
export function parseId(text: string | undefined): number | null {
  return text && /^\d{1,12}$/.test(text) ? Number(text) : null;
}
