import type { Child } from "hono/jsx";
import { roleLabels } from "../accounts/roles";
import { staticUrl } from "../http/static";
import { navFor } from "./back-office-nav";
import { PostForm } from "./forms";
import { usePage } from "./page-context";
import { careModeHref, scriptHref } from "./preferences";

/** The public portal's sections, in the order a government site shows them. */
export const portalSections = [
  { href: "/", label: "首页" },
  { href: "/disclosure", label: "政府信息公开" },
  { href: "/applications", label: "依申请公开" },
  { href: "/interpretations", label: "政策解读" },
  { href: "/interaction", label: "互动交流" },
  { href: "/services", label: "办事服务" },
] as const;

function Document(props: {
  title: string;
  children: Child;
  bodyClass?: string;
  description?: string;
}) {
  const { site, careMode } = usePage();
  return (
    <html lang="zh-CN" class={careMode ? "care-mode" : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${site.siteName}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={staticUrl("site.css")} />
        <link rel="stylesheet" href={staticUrl("print.css")} media="print" />
        {careMode ? <script src={staticUrl("read-aloud.js")} defer /> : null}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        {props.children}
      </body>
    </html>
  );
}

/**
 * 关怀模式 and 简繁 switches: plain links (a cookie, then back here), so they work without
 * script. In care mode read-aloud.js adds a 朗读本页 button to the placeholder where the
 * browser can speak.
 */
function DisplaySwitches() {
  const { here, careMode, script } = usePage();
  return (
    <nav class="display-switches" aria-label="显示设置">
      <ul class="wrap">
        <li>
          <a href={careModeHref(!careMode, here)} rel="nofollow">
            {careMode ? "退出长辈版" : "长辈版(大字)"}
          </a>
        </li>
        <li>
          {script === "t" ? (
            <a href={scriptHref("s", here)} rel="nofollow" lang="zh-CN">
              简体
            </a>
          ) : (
            <a href={scriptHref("t", here)} rel="nofollow" lang="zh-Hant">
              繁體
            </a>
          )}
        </li>
        {careMode ? <li id="read-aloud" class="read-aloud" /> : null}
      </ul>
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

/** The one menu link that best matches the path: the longest matching href wins. */
function currentHref(path: string, hrefs: readonly string[]): string | undefined {
  return hrefs.filter((h) => isCurrent(path, h)).sort((a, b) => b.length - a.length)[0];
}

export function PortalLayout(props: { title: string; children: Child }) {
  const { site, path } = usePage();
  const currentSection = currentHref(
    path,
    portalSections.map((s) => s.href),
  );
  return (
    <Document
      title={props.title}
      description={`${props.title}:${site.hostOrganisation}依法主动公开政府信息,受理政府信息公开申请,回应社会关切。`}
    >
      <header class="site-header">
        <DisplaySwitches />
        <div class="wrap">
          <a class="site-name" href="/">
            {site.siteName}
          </a>
        </div>
        <nav class="site-nav" aria-label="主导航">
          <ul class="wrap">
            {portalSections.map((s) => (
              <li>
                <a href={s.href} aria-current={s.href === currentSection ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="wrap" tabindex={-1}>
        {props.children}
      </main>
      <PortalFooter />
    </Document>
  );
}

function PortalFooter() {
  const { site } = usePage();
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>主办单位:{site.hostOrganisation}</p>
        {site.contact ? <p>联系方式:{site.contact}</p> : null}
        {site.siteCode || site.icpNumber || site.policeRecordNumber ? (
          <p>
            {site.siteCode ? <span>网站标识码:{site.siteCode} </span> : null}
            {site.icpNumber ? <span>ICP备案号:{site.icpNumber} </span> : null}
            {site.policeRecordNumber ? <span>公安备案号:{site.policeRecordNumber}</span> : null}
          </p>
        ) : null}
      </div>
    </footer>
  );
}

export function BackOfficeLayout(props: { title: string; children: Child }) {
  const { user, site, path } = usePage();
  const items = user ? navFor(user.roles) : [];
  const current = currentHref(
    path,
    items.map((i) => i.href),
  );
  return (
    <Document title={props.title} bodyClass="back-office">
      <header class="bo-header">
        <a class="site-name" href="/admin">
          {site.siteName} · 后台
        </a>
        {user ? (
          <div class="bo-user">
            <span>
              {user.displayName}({user.roles.map((r) => roleLabels[r]).join("、")})
            </span>
            <a href="/account/password">修改密码</a>
            <PostForm action="/logout" class="inline-form">
              <button type="submit" class="link-button">
                退出登录
              </button>
            </PostForm>
          </div>
        ) : null}
      </header>
      <div class="bo-body">
        {items.length > 0 ? (
          <nav class="bo-nav" aria-label="后台菜单">
            <ul>
              {items.map((i) => (
                <li>
                  <a href={i.href} aria-current={i.href === current ? "page" : undefined}>
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" class="bo-main" tabindex={-1}>
          {props.children}
        </main>
      </div>
    </Document>
  );
}
