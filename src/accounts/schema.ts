import { z } from "zod";
import { checkPasswordPolicy } from "./passwords";
import { checkRoleSeparation, isRole, type Role, roles } from "./roles";

export const loginSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  next: z.string().optional(),
});

export const passwordChangeSchema = z
  .object({
    current: z.string().min(1, "请输入当前密码").max(200, "密码过长"),
    password: z.string().max(200, "密码过长"),
    confirm: z.string().max(200, "密码过长"),
  })
  .superRefine((v, ctx) => {
    const problem = checkPasswordPolicy(v.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    if (v.password !== v.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "两次输入的新密码不一致" });
    if (v.password === v.current)
      ctx.addIssue({ code: "custom", path: ["password"], message: "新密码不能与当前密码相同" });
  });

/** Only same-site relative paths may be redirect targets (no open redirect). */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith("/")) return "/admin";
  // Resolve the way a browser does (it drops tabs and newlines and reads `\` as `/`, so
  // "/\t/evil.example" is "//evil.example"), then keep only a path on this site.
  const base = "http://gongkai.invalid";
  try {
    const url = new URL(next, base);
    if (url.origin !== base) return "/admin";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/admin";
  }
}

/** Role checkboxes: one value or several; at least one role, and 三员分立 (等保 2.0). */
const rolesField = z
  .preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string({ error: "角色选择有误" })),
  )
  .superRefine((held, ctx) => {
    if (held.length === 0) ctx.addIssue({ code: "custom", message: "请至少选择一个角色" });
    else if (!held.every(isRole)) ctx.addIssue({ code: "custom", message: "角色选择有误" });
    else {
      const problem = checkRoleSeparation(held as Role[]);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
  })
  .transform((held) => roles.filter((r) => held.includes(r)));

const accountFields = {
  displayName: z.string().trim().min(1, "请填写姓名").max(50, "姓名不能超过50字"),
  email: z
    .string()
    .trim()
    .max(200, "邮箱不能超过200字")
    .refine((v) => v === "" || z.email().safeParse(v).success, "邮箱格式不正确")
    .transform((v) => v || null),
  unitId: z
    .string({ error: "请选择所属单位" })
    .regex(/^\d{1,12}$/, "请选择所属单位")
    .transform(Number),
  roles: rolesField,
};

export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,64}$/, "用户名须为2至64位字母、数字、点、下划线或连字符"),
  ...accountFields,
});

export const userUpdateSchema = z.object(accountFields);

export type UserUpdate = z.output<typeof userUpdateSchema>;

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1, "请填写令牌用途").max(50, "令牌用途不能超过50字"),
});

/** GET /api/v1/me: who the bearer token speaks for. */
export const meResponseSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  unit: z.object({ id: z.number().int(), name: z.string() }),
});

/** A numeric id from a path segment, or null when it is not one. */
export function parseId(text: string | undefined): number | null {
  return text && /^\d{1,12}$/.test(text) ? Number(text) : null;
}
