// 政府信息公开指南 (条例第十二条): 分类和编排体系, 获取方式, 工作机构和联系方式; written from
// the site settings, so the names, the 索引号 and the contact are this bureau's own.
import type { SiteSettings } from "../../platform/settings";
import type { IndexNoExplanation } from "../guide";
import { DisclosureNav } from "./common";

function IndexNoSection(props: { explanation: IndexNoExplanation | null }) {
  const ex = props.explanation;
  return (
    <section aria-labelledby="guide-index">
      <h2 id="guide-index">三、索引号</h2>
      <p>
        每条主动公开信息发布时获得一个唯一的索引号,索引号一经使用不再分配给其他信息,信息撤回后也不重复使用。
        在本站搜索框中输入索引号或文号,可直接找到对应信息。
      </p>
      {ex ? (
        <>
          <p>
            本机关的索引号例如 <code class="index-no">{ex.example}</code>,由以下部分组成
            {ex.perYear ? ",流水号每年从1开始" : ""}:
          </p>
          <ol>
            {ex.parts
              .filter((p) => p.meaning !== "分隔符")
              .map((p) => (
                <li>
                  <code>{p.sample}</code>:{p.meaning}
                </li>
              ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

export function GuidePage(props: { site: SiteSettings; indexNo: IndexNoExplanation | null }) {
  const { site } = props;
  const org = site.hostOrganisation;
  return (
    <>
      <h1>信息公开指南</h1>
      <p class="lead">
        为便于公民、法人和其他组织获取{org}
        的政府信息,根据《中华人民共和国政府信息公开条例》(以下简称《条例》)编制本指南。
      </p>
      <DisclosureNav />
      <section aria-labelledby="guide-proactive">
        <h2 id="guide-proactive">一、主动公开</h2>
        <p>
          本机关按照基层政务公开<a href="/disclosure/catalog">标准目录</a>
          主动公开政府信息。属于主动公开范围的信息,自形成或者变更之日起20个工作日内公开;法律、法规另有规定的,从其规定(《条例》第二十六条)。
          每条信息发布前经过保密审查和签发(《条例》第十七条)。
        </p>
        <p>主动公开的信息通过本网站“政府信息公开”专栏发布,可以通过以下方式查找:</p>
        <ul>
          <li>
            <a href="/disclosure#statutory">法定主动公开内容</a>:按标准目录事项查看;
          </li>
          <li>
            <a href="/disclosure/records">信息公开目录</a>
            :按目录事项、主题分类、发布机构、发布年份和有效性筛选;
          </li>
          <li>
            <a href="/search">站内搜索</a>:按标题、文号、索引号和正文全文检索;
          </li>
          <li>
            <a href="/feeds/records.atom">Atom 订阅</a>和<a href="/api/v1/openapi.json">数据接口</a>
            :自动获取新发布的信息。
          </li>
        </ul>
      </section>
      <section aria-labelledby="guide-catalog">
        <h2 id="guide-catalog">二、信息的分类和编排</h2>
        <p>
          信息公开目录中的每条信息标明索引号、主题分类、发布机构、成文日期、标题、文号、发布日期和有效性(有效、失效或废止)。
          信息按发布日期由新到旧排列;已失效或废止的文件仍可查阅,并注明失效或废止的日期以及废止它的文件。
        </p>
      </section>
      <IndexNoSection explanation={props.indexNo} />
      <section aria-labelledby="guide-application">
        <h2 id="guide-application">四、依申请公开</h2>
        <p>
          除主动公开的信息外,公民、法人或者其他组织可以向本机关申请获取政府信息(《条例》第二十七条)。申请应当采用书面形式,写明申请人的姓名或者名称、身份证明、联系方式,申请公开的政府信息的名称、文号或者便于查询的其他特征性描述,以及获取信息的方式和途径(《条例》第二十九条)。
        </p>
        <ul>
          <li>
            在线申请:通过本网站<a href="/applications">依申请公开</a>
            栏目填写申请,提交后获得申请编号和查询码,可随时查询办理进度;
          </li>
          <li>
            信函或当面申请:按下方联系方式提交书面申请;书面形式确有困难的,可以口头提出,由工作人员代为填写。
          </li>
        </ul>
        <p>
          申请内容不明确的,本机关自收到申请之日起7个工作日内一次性告知补正(《条例》第三十条)。能够当场答复的当场答复;不能当场答复的,自收到申请之日起20个工作日内答复,需要延长的,经负责人同意并告知申请人,延长期限最长不超过20个工作日(《条例》第三十三条)。
          依申请提供政府信息不收取费用;申请数量、频次明显超过合理范围的,按照《政府信息公开信息处理费管理办法》收取信息处理费(《条例》第四十二条)。
        </p>
      </section>
      <section aria-labelledby="guide-remedy">
        <h2 id="guide-remedy">五、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的,可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报,也可以依法申请行政复议或者提起行政诉讼(《条例》第五十一条)。
        </p>
      </section>
      <section aria-labelledby="guide-contact">
        <h2 id="guide-contact">六、政府信息公开工作机构</h2>
        <dl class="guide-contact">
          <dt>机构名称</dt>
          <dd>{org}</dd>
          <dt>联系方式</dt>
          <dd>{site.contact || "请在工作时间到本机关办公地点咨询。"}</dd>
        </dl>
      </section>
    </>
  );
}
