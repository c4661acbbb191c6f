// Small helpers shared by the casework routes (letters, appeals, ledger).
import type { Context } from "hono";
import { requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import type { CaseActor } from "./policy";

/** The signed-in user as the services see them: audit identity plus roles. */
export function caseActorOf(c: Context<AppEnv>): CaseActor {
  return { ...actorOf(c), roles: requireUser(c).roles };
}

/** A positive integer route parameter, or 404 naming what was looked for. */
export function idParam(c: Context<AppEnv>, name: string, what: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id <= 0) throw notFound(what);
  return id;
}

/** The uploaded files of a multipart field (empty file inputs left out). */
export function uploadedFiles(body: Record<string, unknown>, field: string): File[] {
  const value = body[field];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is File => v instanceof File && v.size > 0);
}
