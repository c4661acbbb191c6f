// Small request helpers of the 公众参与 routes.
import type { Context } from "hono";
import { requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import type { ParticipationActor } from "./policy";

export function staffCtxOf(c: Context<AppEnv>): { actor: ParticipationActor; now: Date } {
  const user = requireUser(c);
  return {
    actor: { ...actorOf(c), roles: user.roles, unitId: user.unitId },
    now: c.get("deps").clock(),
  };
}

export function idParam(c: Context<AppEnv>, name: string, what: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound(what);
  return id;
}

/** The form's fields: single values as strings, repeated fields as string arrays. */
export async function formOf(
  c: Context<AppEnv>,
): Promise<{ values: Record<string, string>; lists: Record<string, string[]> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    lists[k] = all;
    if (all.length > 0) values[k] = all[all.length - 1]!;
  }
  return { values, lists };
}
