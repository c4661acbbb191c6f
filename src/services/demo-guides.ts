// The demo service guides (演示): five county-level 市场监管 matters, with the legal basis they
// rest on. Facts only (articles, time limits, lists of materials), written for this site; phone
// numbers and the service-centre address are placeholders, marked 演示.
import type { ServiceGuideInput } from "./guide-schema";

const DEMO_PLACE = "县政务服务中心一楼市场监管窗口(演示地址)";
const DEMO_HOURS = "工作日上午9:00—12:00,下午13:30—17:00(法定节假日除外)";
const DEMO_INQUIRY = "0000-00000001(演示)";
const DEMO_COMPLAINT = "0000-00000002(演示)";

const common = {
  place: DEMO_PLACE,
  hours: DEMO_HOURS,
  inquiryPhone: DEMO_INQUIRY,
  complaintPhone: DEMO_COMPLAINT,
  isDemo: true,
  feeCharged: false,
  feeBasis: "",
  feeStandard: "",
} as const;

const licenceSteps = [
  "申请:申请人通过窗口或网上提交申请材料",
  "受理:材料齐全、符合法定形式的当场受理,不齐全的一次性告知补正内容",
  "审查:对申请材料的实质内容进行审查",
  "现场核查:需要核查的,由两名以上执法人员到场核查",
  "决定:作出准予或不予许可的书面决定",
  "制证和送达:准予许可的颁发许可证,窗口领取、邮寄或发放电子证照",
];

const proxy = {
  name: "授权委托书及代理人身份证明",
  form: "original",
  copies: 1,
  required: false,
  condition: "委托他人办理的",
} as const;

/** The 事项编码 of the demo guides, keyed for the seeder and tests. */
export const DEMO_GUIDE_CODES = {
  foodBusiness: "DEMO-SP-001",
  foodProduction: "DEMO-SP-002",
  drugRetail: "DEMO-YP-001",
  deviceFiling: "DEMO-YL-001",
  smallWorkshop: "DEMO-SP-003",
} as const;

export const foodBusinessGuide: ServiceGuideInput = {
  ...common,
  itemName: "食品经营许可",
  itemCode: DEMO_GUIDE_CODES.foodBusiness,
  itemType: "administrativeLicence",
  legalBasis: [
    "《中华人民共和国食品安全法》第三十五条",
    "《食品经营许可和备案管理办法》(国家市场监督管理总局令第78号)第二条、第十一条、第十二条",
  ],
  conditions: [
    "具有与经营的食品品种、数量相适应的经营场所,并与有毒、有害场所以及其他污染源保持规定的距离",
    "具有与经营的食品品种、数量相适应的经营设备或者设施",
    "有专职或者兼职的食品安全总监、食品安全员等食品安全管理人员和保证食品安全的规章制度",
    "具有合理的设备布局和工艺流程,防止待加工食品与直接入口食品、原料与成品交叉污染",
    "法律、法规规定的其他条件",
  ],
  materials: [
    { name: "食品经营许可申请书", form: "original", copies: 1, required: true },
    { name: "营业执照或者其他主体资格证明文件", form: "copy", copies: 1, required: true },
    {
      name: "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
      form: "original",
      copies: 1,
      required: true,
    },
    {
      name: "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等规章制度目录清单",
      form: "original",
      copies: 1,
      required: true,
    },
    {
      name: "自动设备的产品合格证明、具体放置地点和经营者联系方式等材料",
      form: "copy",
      copies: 1,
      required: false,
      condition: "利用自动设备从事食品经营的",
    },
    proxy,
  ],
  steps: licenceSteps,
  statutoryDays: 10,
  promisedDays: 5,
  resultName: "食品经营许可证(有效期5年)",
  delivery: "窗口领取、邮寄送达或电子证照",
  onlineUrl: "https://zwfw.example.gov.cn/spjy",
};

export const demoGuides: {
  key: keyof typeof DEMO_GUIDE_CODES;
  catalogCode: string | null;
  input: ServiceGuideInput;
}[] = [
  { key: "foodBusiness", catalogCode: "FD-01", input: foodBusinessGuide },
  {
    key: "foodProduction",
    catalogCode: "FD-01",
    input: {
      ...common,
      itemName: "食品生产许可",
      itemCode: DEMO_GUIDE_CODES.foodProduction,
      itemType: "administrativeLicence",
      legalBasis: [
        "《中华人民共和国食品安全法》第三十五条",
        "《食品生产许可管理办法》(国家市场监督管理总局令第24号)第二条、第十三条、第二十一条",
      ],
      conditions: [
        "具有与生产的食品品种、数量相适应的食品原料处理和食品加工、包装、贮存等场所",
        "具有与生产的食品品种、数量相适应的生产设备或者设施,以及相应的消毒、更衣、盥洗、防蝇、防鼠、防虫等设备或者设施",
        "有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度",
        "具有合理的设备布局和工艺流程",
        "申请的食品类别属于本级市场监管部门的许可权限(以省级市场监管部门公布的权限划分为准)",
      ],
      materials: [
        { name: "食品生产许可申请书", form: "original", copies: 1, required: true },
        { name: "营业执照", form: "copy", copies: 1, required: true },
        {
          name: "食品生产设备布局图和食品生产工艺流程图",
          form: "original",
          copies: 1,
          required: true,
        },
        { name: "食品生产主要设备、设施清单", form: "original", copies: 1, required: true },
        {
          name: "食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度",
          form: "original",
          copies: 1,
          required: true,
        },
        {
          name: "企业标准文本",
          form: "original",
          copies: 1,
          required: false,
          condition: "产品执行企业标准的",
        },
        proxy,
      ],
      steps: licenceSteps,
      statutoryDays: 10,
      promisedDays: 7,
      resultName: "食品生产许可证(有效期5年)",
      delivery: "窗口领取、邮寄送达或电子证照",
      onlineUrl: "",
    },
  },
  {
    key: "drugRetail",
    catalogCode: "FD-03",
    input: {
      ...common,
      itemName: "药品零售企业许可",
      itemCode: DEMO_GUIDE_CODES.drugRetail,
      itemType: "administrativeLicence",
      legalBasis: [
        "《中华人民共和国药品管理法》第五十一条、第五十二条",
        "《药品经营和使用质量监督管理办法》(国家市场监督管理总局令第84号)第十条、第十一条",
      ],
      conditions: [
        "有依法经过资格认定的药师或者其他药学技术人员",
        "有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境",
        "有与所经营药品相适应的质量管理机构或者人员",
        "有保证药品质量的规章制度,并符合药品经营质量管理规范要求",
      ],
      materials: [
        { name: "药品经营许可证申请表", form: "original", copies: 1, required: true },
        {
          name: "质量管理机构情况以及主要负责人、质量负责人学历和工作经历材料",
          form: "copy",
          copies: 1,
          required: true,
        },
        {
          name: "药师或者其他药学技术人员资格证书以及任职文件",
          form: "copy",
          copies: 1,
          required: true,
        },
        { name: "经营药品的方式和范围相关材料", form: "original", copies: 1, required: true },
        {
          name: "药品质量管理规章制度以及陈列、仓储等关键设施设备清单",
          form: "original",
          copies: 1,
          required: true,
        },
        {
          name: "营业场所、仓库平面布置图及房屋产权或者使用权证明",
          form: "copy",
          copies: 1,
          required: true,
        },
        proxy,
      ],
      steps: licenceSteps,
      statutoryDays: 20,
      promisedDays: 10,
      resultName: "药品经营许可证(有效期5年)",
      delivery: "窗口领取、邮寄送达或电子证照",
      onlineUrl: "",
    },
  },
  {
    key: "deviceFiling",
    // The standard catalog has no item for 医疗器械经营备案, so the guide is filed under none.
    catalogCode: null,
    input: {
      ...common,
      itemName: "第二类医疗器械经营备案",
      itemCode: DEMO_GUIDE_CODES.deviceFiling,
      itemType: "otherPower",
      legalBasis: [
        "《医疗器械监督管理条例》(国务院令第739号)第四十一条、第四十二条",
        "《医疗器械经营监督管理办法》(国家市场监督管理总局令第54号)第二十一条、第二十二条",
        "由县级市场监管部门办理的,依据本省的委托或者下放文件(演示)",
      ],
      conditions: [
        "有与经营规模和经营范围相适应的经营场所和贮存条件",
        "有与经营的医疗器械相适应的质量管理制度和质量管理机构或者人员",
        "法律、法规规定的其他条件",
      ],
      materials: [
        { name: "第二类医疗器械经营备案表", form: "original", copies: 1, required: true },
        {
          name: "法定代表人(企业负责人)、质量负责人身份证明、学历或者职称材料",
          form: "copy",
          copies: 1,
          required: true,
        },
        { name: "企业组织机构与部门设置", form: "original", copies: 1, required: true },
        { name: "医疗器械经营范围、经营方式说明", form: "original", copies: 1, required: true },
        {
          name: "经营场所和库房的地理位置图、平面图、房屋产权文件或者租赁协议",
          form: "copy",
          copies: 1,
          required: true,
        },
        { name: "主要经营设施、设备目录", form: "original", copies: 1, required: true },
        {
          name: "经营质量管理制度、工作程序等文件目录",
          form: "original",
          copies: 1,
          required: true,
        },
        proxy,
      ],
      steps: [
        "申请:企业通过窗口或网上提交备案材料",
        "备案:材料齐全的当场备案,发给备案编号",
        "核查:自备案之日起3个月内按规定进行现场检查",
      ],
      statutoryDays: 0,
      promisedDays: 0,
      resultName: "第二类医疗器械经营备案凭证",
      delivery: "当场发给,或电子凭证",
      onlineUrl: "",
    },
  },
  {
    key: "smallWorkshop",
    catalogCode: "FD-01",
    input: {
      ...common,
      itemName: "食品小作坊、小餐饮登记",
      itemCode: DEMO_GUIDE_CODES.smallWorkshop,
      itemType: "otherPower",
      legalBasis: [
        "《中华人民共和国食品安全法》第三十六条",
        "本省食品小作坊、小餐饮和食品摊贩管理条例(演示:以本省现行条例名称和条款为准)",
      ],
      conditions: [
        "有固定的生产经营场所,与有毒、有害场所以及其他污染源保持安全距离",
        "有与生产经营的食品品种、数量相适应的设备设施",
        "从事接触直接入口食品工作的人员持有有效健康证明",
        "生产经营的食品品种不属于本省禁止小作坊、小餐饮生产经营的目录",
      ],
      materials: [
        { name: "登记申请表", form: "original", copies: 1, required: true },
        { name: "营业执照或者经营者身份证明", form: "copy", copies: 1, required: true },
        {
          name: "生产经营场所平面图和主要设备设施清单",
          form: "original",
          copies: 1,
          required: true,
        },
        { name: "从业人员健康证明", form: "copy", copies: 1, required: true },
        proxy,
      ],
      steps: [
        "申请:经营者到窗口或网上提交登记材料",
        "受理:材料齐全的当场受理",
        "审查:审查材料,必要时现场核查",
        "决定:符合条件的予以登记",
        "发证:发给登记证(卡)",
      ],
      statutoryDays: 10,
      promisedDays: 5,
      resultName: "食品小作坊登记证或小餐饮登记证",
      delivery: "窗口领取或邮寄送达",
      onlineUrl: "",
    },
  },
];
