// Bodies of the demo records besides the fixture notice: short, plausible, about fictitious
// businesses (示例…), each ending with (演示数据). Parties of a penalty are masked as in practice.
import { escapeHtml } from "../../search/highlight";

export const DEMO_MARK = "(演示数据)";

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** A table with a header row; cells are plain text. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const tr = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const demo = (...parts: string[]) => [...parts, p(DEMO_MARK)].join("");

export const inspectionResultsBody = demo(
  p(
    "根据《中华人民共和国食品安全法》和《食品生产经营监督检查管理办法》,我局于2024年1月至6月对全县食品生产经营者开展了日常监督检查。现将部分检查结果公告如下:",
  ),
  table(
    ["序号", "被检查单位", "检查日期", "检查结果"],
    [
      ["1", "渑池县示例食品有限公司", "2024-03-12", "符合"],
      ["2", "渑池县城关镇示例超市", "2024-04-09", "基本符合"],
      ["3", "渑池县仰韶镇示例饭店", "2024-05-21", "基本符合"],
    ],
  ),
  p("检查结果为“基本符合”的,已当场责令限期整改,我局将对整改情况进行复查。"),
);

export const samplingBody = demo(
  p(
    "近期,我局组织抽检粮食加工品、食用油、蔬菜、水果等4类食品48批次,其中合格47批次,不合格1批次。现将有关情况通告如下:",
  ),
  p(
    "一、不合格产品情况。城关镇示例农贸市场某经营户销售的芹菜,毒死蜱检出值不符合食品安全国家标准(GB 2763)的规定。",
  ),
  p("二、核查处置情况。对抽检发现的不合格食品,我局已责令经营者立即停止销售,并依法立案调查。"),
  p("三、消费提示。消费者购买蔬菜后宜充分浸泡、清洗,发现问题可拨打12315投诉举报。"),
);

export function penaltyBody(docNo: string): string {
  return demo(
    table(
      ["项目", "内容"],
      [
        ["行政处罚决定书文号", docNo],
        ["当事人", "渑池县城关镇×××小吃店(个体工商户)"],
        ["经营者", "王某某"],
        ["统一社会信用代码", "92411221××××××××××"],
        ["违法行为类型", "经营超过保质期的食品"],
        [
          "违法事实",
          "经查,当事人于2025年2月在其经营场所销售超过保质期的预包装食品,货值金额较小,违法所得86元。",
        ],
        [
          "处罚依据",
          "《中华人民共和国食品安全法》第三十四条第(十)项、第一百二十四条第一款第(五)项",
        ],
        ["处罚内容", "没收违法所得86元和超过保质期的食品,并处罚款人民币伍万元整"],
        ["处罚机关", "渑池县市场监督管理局"],
      ],
    ),
  );
}

const licences: readonly (readonly string[])[] = [
  ["JY演示-2025-001", "渑池县城关镇示例便利店", "城关镇示例路1号", "预包装食品销售"],
  ["JY演示-2025-002", "渑池县仰韶镇示例面馆", "仰韶镇示例街8号", "热食类食品制售"],
  ["JY演示-2025-003", "渑池县示例餐饮管理有限公司", "城关镇示例大道16号", "热食类食品制售"],
];

/** The licences of 2025 Q1; `withPersonalData` is the first, withdrawn version of the list. */
export function licenceBody(withPersonalData: boolean): string {
  const head = ["许可证编号", "经营者名称", "经营场所", "经营项目"];
  const rows = withPersonalData
    ? licences.map((r, i) => [...r, `${["王某某", "李某某", "张某某"][i]},电话(演示号码)`])
    : licences;
  return demo(
    p("现将我局2025年第一季度作出的食品经营许可信息公示如下:"),
    table(withPersonalData ? [...head, "负责人及联系电话"] : head, rows),
    p("许可证有效期五年。对公示内容有异议的,可向我局食品经营股反映。"),
  );
}

export const policyBody = demo(
  p("各乡镇市场监管所、局机关各股室:"),
  p(
    "为规范全县食品小作坊登记管理,根据《中华人民共和国食品安全法》和我省食品小作坊管理有关规定,结合我县实际,制定《渑池县食品小作坊登记管理实施细则》,现印发给你们,请认真贯彻执行。",
  ),
  p("第一条 本细则适用于本县行政区域内食品小作坊的登记及其监督管理。"),
  p("第二条 食品小作坊登记由所在地市场监管所受理,材料齐全的当场登记,并在5个工作日内发放登记证。"),
  p("第三条 登记信息发生变化的,食品小作坊应当自变化之日起10个工作日内申请变更登记。"),
  p("第四条 本细则自2025年8月1日起施行,有效期五年。"),
);

export const interpretationBody = demo(
  p(
    "一、制定背景。我县食品小作坊数量多、分布散,登记标准和办理时限不统一。为方便群众办事,县市场监督管理局制定了本细则。",
  ),
  p(
    "二、主要内容。细则明确由所在地市场监管所受理登记,材料齐全的当场登记,5个工作日内发放登记证;登记信息变化的,应在10个工作日内申请变更。",
  ),
  p("三、施行时间。细则自2025年8月1日起施行,有效期五年。"),
);

/** The record still waiting for review: a monthly list of the 城关 office's inspections. */
export function monthlyInspectionBody(yearMonth: string, checkedOn: string): string {
  return demo(
    p(`现将城关市场监管所${yearMonth}日常监督检查结果公示如下:`),
    table(
      ["序号", "被检查单位", "检查日期", "检查结果"],
      [
        ["1", "渑池县城关镇示例便利店", checkedOn, "符合"],
        ["2", "渑池县城关镇示例蛋糕店", checkedOn, "符合"],
      ],
    ),
  );
}
