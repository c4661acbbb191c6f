import { z } from "zod";
import { checkPasswordPolicy } from "./passwords";

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
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/admin";
  return next;
}
