import { recordPath } from "../disclosure/urls";
import type { PublicRecordSummary } from "../records/public-store";
import { portalSections } from "../ui/layout";
import { usePage } from "../ui/page-context";

const sectionIntro: Record<string, string> = {
  "/disclosure":
    "按标准目录主动公开的政府信息:信息公开指南、制度、法定主动公开内容、信息公开目录和年度报告。",
  "/applications":
    "依照《中华人民共和国政府信息公开条例》向本机关申请获取政府信息,并查询办理进度。",
  "/interpretations": "与政策文件同步发布的政策解读,包括文字、图解和视频解读。",
  "/interaction": "意见征集、座谈会和听证会、留言咨询与回应关切。",
  "/services": "办事指南、一次性告知、办件进度查询以及行政许可和行政处罚结果公示。",
};

export function HomePage(props: { latest: PublicRecordSummary[] }) {
  const { site } = usePage();
  return (
    <>
      <h1>{site.siteName}</h1>
      <p class="lead">
        {site.hostOrganisation}依法主动公开政府信息,受理政府信息公开申请,回应社会关切。
      </p>
      <search>
        <form method="get" action="/search" class="home-search">
          <label for="home-q">搜索政府信息(关键词、文号或索引号)</label>
          <input id="home-q" type="search" name="q" maxlength={100} />
          <button type="submit">搜索</button>
        </form>
      </search>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">最新公开</h2>
        {props.latest.length === 0 ? (
          <p>暂无公开的信息。</p>
        ) : (
          <ul class="latest-list">
            {props.latest.map((r) => (
              <li>
                <a href={recordPath(r.id)}>{r.title}</a>
                <span class="latest-date">{r.publishedOn ?? ""}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/disclosure/records">更多信息</a>
          {" · "}
          <a href="/subscriptions">邮件订阅新信息</a>
        </p>
      </section>
      <h2>栏目</h2>
      <ul class="section-grid">
        {portalSections
          .filter((s) => s.href !== "/")
          .map((s) => (
            <li>
              <a href={s.href}>
                <strong>{s.label}</strong>
                <span>{sectionIntro[s.href]}</span>
              </a>
            </li>
          ))}
      </ul>
    </>
  );
}

export function SectionPage(props: { href: string }) {
  const section = portalSections.find((s) => s.href === props.href);
  return (
    <>
      <h1>{section?.label}</h1>
      <p class="lead">{sectionIntro[props.href]}</p>
    </>
  );
}
