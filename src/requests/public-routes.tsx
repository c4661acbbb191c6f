// Public pages of 依申请公开: the guide, the form (human check, optional ID scan), the one-time
// display of number and code, and tracking.
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { fieldErrors } from "../http/api";
import { AppError } from "../http/errors";
import type { AppEnv } from "../http/types";
import { decryptPersonal, encryptPersonal } from "../platform/crypto";
import type { Upload } from "../platform/files/store";
import { consumeHumanCheck, createHumanChallenge, humanCheckFields } from "../platform/human-check";
import { renderPortal } from "../ui/render";
import { applicationKeys } from "./applicant-data";
import { createOnlineApplication, onlineApplicant } from "./filing";
import {
  applicationInputFromForm,
  type FormValues,
  formErrorsOf,
  formValuesOf,
} from "./form-input";
import { publicLookup } from "./lookup";
import { onlineApplicationSchema } from "./schema";
import { ApplicationForm } from "./views/application-form";
import { ApplicationGuidePage } from "./views/guide";
import { SubmittedPage } from "./views/submitted";
import { TrackPage } from "./views/track";

const FILED_COOKIE = "gk_filed";
const FILED_COOKIE_SECONDS = 600;
const FORM_TITLE = "在线提交政府信息公开申请";

export function publicApplicationRoutes(app: Hono<AppEnv>): void {
  app.get("/applications", (c) => renderPortal(c, "依申请公开", <ApplicationGuidePage />));

  app.get("/applications/new", (c) => renderForm(c, {}, {}));

  app.post("/applications/new", async (c) => {
    const { db, clock, config } = c.get("deps");
    const now = clock();
    const body = await c.req.parseBody();
    const values = formValuesOf(body);
    const human = await consumeHumanCheck(
      db,
      config.secret,
      {
        token: values[humanCheckFields.token],
        answer: values[humanCheckFields.answer],
        honeypot: values[humanCheckFields.honeypot],
      },
      now,
    );
    const parsed = onlineApplicationSchema.safeParse(applicationInputFromForm(values));
    const errors = parsed.success ? {} : formErrorsOf(fieldErrors(parsed.error), values);
    if (!human.ok) errors[humanCheckFields.answer] = human.message;
    const idScan = await uploadOf(body.idScan);
    if (!parsed.success || !human.ok) return renderForm(c, values, errors, 400, idScan);
    try {
      const filed = await createOnlineApplication(
        db,
        parsed.data,
        onlineApplicant(c.get("clientIp")),
        {
          keys: applicationKeys(config.secret),
          now,
          uploadsDir: config.uploadsDir,
          idScan,
          siteName: c.get("site").siteName,
        },
      );
      const payload = JSON.stringify({
        n: filed.applicationNo,
        c: filed.queryCode,
        exp: now.getTime() + FILED_COOKIE_SECONDS * 1000,
      });
      setCookie(
        c,
        FILED_COOKIE,
        encryptPersonal(applicationKeys(config.secret).personal, payload),
        {
          httpOnly: true,
          sameSite: "Lax",
          secure: config.secureCookies,
          path: "/applications/submitted",
          maxAge: FILED_COOKIE_SECONDS,
        },
      );
      return c.redirect("/applications/submitted", 303);
    } catch (error) {
      if (!(error instanceof AppError) || !isUploadRefusal(error)) throw error;
      return renderForm(c, values, { idScan: error.message }, 400, idScan);
    }
  });

  app.get("/applications/submitted", async (c) => {
    const { config, clock } = c.get("deps");
    const filed = readFiledCookie(c, applicationKeys(config.secret).personal, clock());
    deleteCookie(c, FILED_COOKIE, { path: "/applications/submitted" });
    const res = await renderPortal(c, "申请已提交", <SubmittedPage {...(filed ?? {})} />);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });

  app.get("/applications/track", (c) =>
    renderPortal(c, "办理进度查询", <TrackPage values={{}} errors={{}} />),
  );

  app.post("/applications/track", async (c) => {
    const { db, clock, config } = c.get("deps");
    const values = formValuesOf(await c.req.parseBody());
    const number = (values.number ?? "").trim();
    const code = (values.code ?? "").trim();
    const errors: Record<string, string> = {};
    if (!number) errors.number = "请填写申请编号";
    if (!code) errors.code = "请填写查询码";
    const page = (extra: object, status = 200) =>
      renderPortal(
        c,
        "办理进度查询",
        <TrackPage values={{ number }} errors={errors} {...extra} />,
        status,
      );
    if (!number || !code) return page({}, 400);
    try {
      const status = await publicLookup(
        db,
        { number, code, clientIp: c.get("clientIp") },
        applicationKeys(config.secret),
        clock(),
      );
      const res = await page({ status });
      res.headers.set("Cache-Control", "no-store");
      return res;
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        (error.code !== "not_found" && error.code !== "rate_limited")
      )
        throw error;
      if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
      return page({ message: error.message }, error.status);
    }
  });
}

function renderForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string>,
  status = 200,
  droppedUpload?: Upload,
) {
  const { config, clock } = c.get("deps");
  const challenge = createHumanChallenge(config.secret, clock());
  const notice = droppedUpload
    ? "出于安全考虑,已选择的身份证明扫描件未保存,请重新选择。"
    : undefined;
  return renderPortal(
    c,
    FORM_TITLE,
    <>
      <h1>{FORM_TITLE}</h1>
      <p class="lead">
        请如实填写。提交后将显示申请编号和查询码;本机关确认收到申请后开始计算答复期限。
        <a href="/applications">查看依申请公开指南</a>
      </p>
      <ApplicationForm
        action="/applications/new"
        values={values}
        errors={errors}
        challenge={challenge}
        notice={notice}
      />
    </>,
    status,
  );
}

async function uploadOf(value: unknown): Promise<Upload | undefined> {
  if (!(value instanceof File) || value.size === 0) return undefined;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

function isUploadRefusal(error: AppError): boolean {
  return (
    error.code === "payload_too_large" ||
    error.code === "unsupported_media" ||
    (error.code === "validation" && !!error.fields?.file)
  );
}

function readFiledCookie(c: Context<AppEnv>, key: Buffer, now: Date) {
  const value = getCookie(c, FILED_COOKIE);
  if (!value) return null;
  try {
    const data = JSON.parse(decryptPersonal(key, value)) as { n: string; c: string; exp: number };
    return data.exp >= now.getTime() ? { number: data.n, code: data.c } : null;
  } catch {
    return null;
  }
}
