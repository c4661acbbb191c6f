// The structure of the statutory annual report (政府信息公开工作年度报告), shipped with the product
// so the running system never depends on the reference folder. Source: a verbatim copy of
// ../shared/reference/annual-report-format.json (国办公开办函〔2021〕30号, 条例第四十九条、第五十条);
// format.test.ts checks that the copy still equals the reference. Do not edit by hand.
export const ANNUAL_REPORT_FORMAT = {
  source: [
    "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知(国办公开办函〔2021〕30号,2021年9月26日)",
    "《中华人民共和国政府信息公开条例》(国务院令第711号)第四十九条、第五十条",
  ],
  supersedes: "《中华人民共和国政府信息公开工作年度报告格式(试行)》(国办公开办函〔2019〕60号附件)",
  sections: [
    {
      no: 1,
      key: "overview",
      title: "一、总体情况",
      kind: "narrative",
      guidance:
        "报告本机关政府信息公开工作总体情况,一般围绕主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面展开(30号文要点;具体措辞unverified)",
    },
    {
      no: 2,
      key: "proactive",
      title: "二、主动公开政府信息情况",
      kind: "table",
      table: "proactive_table",
    },
    {
      no: 3,
      key: "applications",
      title: "三、收到和处理政府信息公开申请情况",
      kind: "table",
      table: "applications_table",
    },
    {
      no: 4,
      key: "review_litigation",
      title: "四、政府信息公开行政复议、行政诉讼情况",
      kind: "table",
      table: "review_litigation_table",
    },
    {
      no: 5,
      key: "problems_improvements",
      title: "五、存在的主要问题及改进情况",
      kind: "narrative",
    },
    {
      no: 6,
      key: "other_matters",
      title: "六、其他需要报告的事项",
      kind: "narrative",
      guidance:
        "包括按《政府信息公开信息处理费管理办法》收取信息处理费的情况等(unverified:30号文此处具体要求的逐字内容未核对)",
    },
  ],
  proactive_table: {
    title: "二、主动公开政府信息情况",
    blocks: [
      {
        key: "art20_1",
        header: "第二十条第(一)项",
        columns: [
          {
            key: "content",
            label: "信息内容",
          },
          {
            key: "issued_this_year",
            label: "本年制发件数",
          },
          {
            key: "repealed_this_year",
            label: "本年废止件数",
          },
          {
            key: "in_force",
            label: "现行有效件数",
          },
        ],
        rows: [
          {
            key: "art20_1.rules",
            label: "规章",
          },
          {
            key: "art20_1.normative_documents",
            label: "行政规范性文件",
          },
        ],
      },
      {
        key: "art20_5",
        header: "第二十条第(五)项",
        columns: [
          {
            key: "content",
            label: "信息内容",
          },
          {
            key: "decisions_this_year",
            label: "本年处理决定数量",
          },
        ],
        rows: [
          {
            key: "art20_5.administrative_licensing",
            label: "行政许可",
          },
        ],
      },
      {
        key: "art20_6",
        header: "第二十条第(六)项",
        columns: [
          {
            key: "content",
            label: "信息内容",
          },
          {
            key: "decisions_this_year",
            label: "本年处理决定数量",
          },
        ],
        rows: [
          {
            key: "art20_6.administrative_penalty",
            label: "行政处罚",
          },
          {
            key: "art20_6.administrative_coercion",
            label: "行政强制",
          },
        ],
      },
      {
        key: "art20_8",
        header: "第二十条第(八)项",
        columns: [
          {
            key: "content",
            label: "信息内容",
          },
          {
            key: "fee_amount_10k_yuan",
            label: "本年收费金额(单位:万元)",
          },
        ],
        rows: [
          {
            key: "art20_8.administrative_fees",
            label: "行政事业性收费",
          },
        ],
      },
    ],
    note: "县级市场监管局通常无规章制定权,“规章”行填0或按模板保留。",
  },
  applications_table: {
    title: "三、收到和处理政府信息公开申请情况",
    row_header: "本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和",
    column_header: "申请人情况",
    columns: [
      {
        key: "natural_person",
        label: "自然人",
        group: null,
      },
      {
        key: "org_commercial",
        label: "商业企业",
        group: "法人或其他组织",
      },
      {
        key: "org_research",
        label: "科研机构",
        group: "法人或其他组织",
      },
      {
        key: "org_public_welfare",
        label: "社会公益组织",
        group: "法人或其他组织",
      },
      {
        key: "org_legal_service",
        label: "法律服务机构",
        group: "法人或其他组织",
      },
      {
        key: "org_other",
        label: "其他",
        group: "法人或其他组织",
      },
      {
        key: "total",
        label: "总计",
        group: null,
        computed: "sum of the 6 preceding columns",
      },
    ],
    rows: [
      {
        key: "new_received",
        label: "一、本年新收政府信息公开申请数量",
        level: 0,
      },
      {
        key: "carried_over_from_last_year",
        label: "二、上年结转政府信息公开申请数量",
        level: 0,
      },
      {
        key: "results",
        label: "三、本年度办理结果",
        level: 0,
        is_header: true,
      },
      {
        key: "results.disclosed",
        label: "(一)予以公开",
        level: 1,
        parent: "results",
      },
      {
        key: "results.partially_disclosed",
        label: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        level: 1,
        parent: "results",
        legal_basis: "第37条",
      },
      {
        key: "results.not_disclosed",
        label: "(三)不予公开",
        level: 1,
        parent: "results",
        computed: "sum of children",
      },
      {
        key: "results.not_disclosed.state_secret",
        label: "1.属于国家秘密",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第14条",
      },
      {
        key: "results.not_disclosed.prohibited_by_law",
        label: "2.其他法律行政法规禁止公开",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第14条",
      },
      {
        key: "results.not_disclosed.three_security_one_stability",
        label: "3.危及“三安全一稳定”",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第14条",
      },
      {
        key: "results.not_disclosed.third_party_rights",
        label: "4.保护第三方合法权益",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第15条",
      },
      {
        key: "results.not_disclosed.internal_affairs",
        label: "5.属于三类内部事务信息",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第16条第1款",
      },
      {
        key: "results.not_disclosed.process_info",
        label: "6.属于四类过程性信息",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第16条第2款",
      },
      {
        key: "results.not_disclosed.enforcement_file",
        label: "7.属于行政执法案卷",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第16条第2款",
      },
      {
        key: "results.not_disclosed.administrative_inquiry",
        label: "8.属于行政查询事项",
        level: 2,
        parent: "results.not_disclosed",
        legal_basis: "第36条第(七)项",
      },
      {
        key: "results.unable_to_provide",
        label: "(四)无法提供",
        level: 1,
        parent: "results",
        computed: "sum of children",
      },
      {
        key: "results.unable_to_provide.not_held",
        label: "1.本机关不掌握相关政府信息",
        level: 2,
        parent: "results.unable_to_provide",
        legal_basis: "第36条第(四)(五)项",
      },
      {
        key: "results.unable_to_provide.needs_creation",
        label: "2.没有现成信息需要另行制作",
        level: 2,
        parent: "results.unable_to_provide",
        legal_basis: "第38条",
      },
      {
        key: "results.unable_to_provide.unclear_after_correction",
        label: "3.补正后申请内容仍不明确",
        level: 2,
        parent: "results.unable_to_provide",
        legal_basis: "第30条",
      },
      {
        key: "results.not_processed",
        label: "(五)不予处理",
        level: 1,
        parent: "results",
        computed: "sum of children",
      },
      {
        key: "results.not_processed.petition_complaint",
        label: "1.信访举报投诉类申请",
        level: 2,
        parent: "results.not_processed",
        legal_basis: "第39条第1款",
      },
      {
        key: "results.not_processed.duplicate",
        label: "2.重复申请",
        level: 2,
        parent: "results.not_processed",
        legal_basis: "第36条第(六)项",
      },
      {
        key: "results.not_processed.publication",
        label: "3.要求提供公开出版物",
        level: 2,
        parent: "results.not_processed",
        legal_basis: "第39条第2款",
      },
      {
        key: "results.not_processed.excessive_repeated",
        label: "4.无正当理由大量反复申请",
        level: 2,
        parent: "results.not_processed",
        legal_basis: "第35条",
      },
      {
        key: "results.not_processed.confirm_or_reissue",
        label: "5.要求行政机关确认或重新出具已获取信息",
        level: 2,
        parent: "results.not_processed",
      },
      {
        key: "results.other",
        label: "(六)其他处理",
        level: 1,
        parent: "results",
        computed: "sum of children",
      },
      {
        key: "results.other.no_correction_abandoned",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        level: 2,
        parent: "results.other",
        legal_basis: "第30条",
      },
      {
        key: "results.other.fee_unpaid",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        level: 2,
        parent: "results.other",
        legal_basis: "第42条、国办函〔2020〕109号",
      },
      {
        key: "results.other.other",
        label: "3.其他",
        level: 2,
        parent: "results.other",
      },
      {
        key: "results.total",
        label: "(七)总计",
        level: 1,
        parent: "results",
        computed: "(一)+(二)+(三)+(四)+(五)+(六)",
      },
      {
        key: "carried_to_next_year",
        label: "四、结转下年度继续办理",
        level: 0,
      },
    ],
    invariants: [
      "对每一列:new_received + carried_over_from_last_year = results.total + carried_to_next_year",
      "对每一行:total = natural_person + org_commercial + org_research + org_public_welfare + org_legal_service + org_other",
      "results.not_disclosed = 8个子项之和;results.unable_to_provide = 3个子项之和;results.not_processed = 5个子项之和;results.other = 3个子项之和",
      "results.total = disclosed + partially_disclosed + not_disclosed + unable_to_provide + not_processed + other",
      "部分公开(区分处理)的申请只计入 results.partially_disclosed,不再计入其他情形",
    ],
    legal_basis_note:
      "各行的 legal_basis(条例条号)是整理者按条例内容推断的对应关系,年度报告格式原件中没有这一栏",
  },
  review_litigation_table: {
    title: "四、政府信息公开行政复议、行政诉讼情况",
    column_groups: [
      {
        key: "admin_review",
        label: "行政复议",
        columns: [
          {
            key: "admin_review.upheld",
            label: "结果维持",
          },
          {
            key: "admin_review.corrected",
            label: "结果纠正",
          },
          {
            key: "admin_review.other",
            label: "其他结果",
          },
          {
            key: "admin_review.pending",
            label: "尚未审结",
          },
          {
            key: "admin_review.total",
            label: "总计",
            computed: "sum of 4 preceding",
          },
        ],
      },
      {
        key: "litigation_direct",
        label: "行政诉讼·未经复议直接起诉",
        columns: [
          {
            key: "litigation_direct.upheld",
            label: "结果维持",
          },
          {
            key: "litigation_direct.corrected",
            label: "结果纠正",
          },
          {
            key: "litigation_direct.other",
            label: "其他结果",
          },
          {
            key: "litigation_direct.pending",
            label: "尚未审结",
          },
          {
            key: "litigation_direct.total",
            label: "总计",
            computed: "sum of 4 preceding",
          },
        ],
      },
      {
        key: "litigation_after_review",
        label: "行政诉讼·复议后起诉",
        columns: [
          {
            key: "litigation_after_review.upheld",
            label: "结果维持",
          },
          {
            key: "litigation_after_review.corrected",
            label: "结果纠正",
          },
          {
            key: "litigation_after_review.other",
            label: "其他结果",
          },
          {
            key: "litigation_after_review.pending",
            label: "尚未审结",
          },
          {
            key: "litigation_after_review.total",
            label: "总计",
            computed: "sum of 4 preceding",
          },
        ],
      },
    ],
    rows: [
      {
        key: "count",
        label: "(单行数据,共15个数值单元)",
      },
    ],
  },
  deadlines: {
    department: "每年1月31日前(条例第49条)",
    local_government: "每年3月31日前(条例第49条)",
  },
} as const;
