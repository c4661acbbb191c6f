// The letters shipped with the system, in the style of 公文 (an administrator may edit them at
// /admin/letter-templates). One line is one paragraph; a first line ending in “:” is the
// addressee and is not indented. Every reply ends with the 救济途径 (条例第五十一条).
import type { ReplyResultKey } from "../results";
import type { LetterTemplateKey } from "./kinds";

export interface LetterTemplateText {
  title: string;
  body: string;
}

const lines = (...paragraphs: string[]) => paragraphs.join("\n");

const REPLY_OPENING =
  "本机关于{收到日期}收到你(单位)提出的政府信息公开申请(申请编号:{申请编号}),申请获取“{申请内容}”。经审查,现答复如下:";

/** A 答复告知书: addressee, opening, the result's own paragraphs, 救济途径, closing. */
function reply(title: string, ...middle: string[]): LetterTemplateText {
  return { title, body: lines("{申请人}:", REPLY_OPENING, ...middle, "{救济途径}", "特此告知。") };
}

const NOT_DISCLOSED = "政府信息不予公开告知书";
const GENERIC = "政府信息公开申请答复告知书";
const refuse = (finding: string) =>
  reply(
    NOT_DISCLOSED,
    `${finding}根据{依据条款}的规定,本机关决定不予公开。`,
    "具体理由如下:{理由}",
  );

const REPLIES: Record<ReplyResultKey, LetterTemplateText> = {
  "results.disclosed": reply(
    "政府信息公开告知书",
    "你(单位)申请获取的政府信息属于公开范围。根据{依据条款}的规定,本机关决定予以公开,现将该政府信息随本告知书一并提供(见附件)。",
  ),
  "results.partially_disclosed": reply(
    "政府信息部分公开告知书",
    "你(单位)申请获取的政府信息中含有不应当公开或者不属于政府信息的内容,但能够作区分处理。根据{依据条款}的规定,本机关向你(单位)提供可以公开的政府信息内容(见附件)。",
    "对不予公开的内容,理由如下:{理由}",
  ),
  "results.not_disclosed.state_secret": refuse("你(单位)申请获取的政府信息属于国家秘密。"),
  "results.not_disclosed.prohibited_by_law": refuse(
    "你(单位)申请获取的政府信息属于法律、行政法规禁止公开的政府信息。",
  ),
  "results.not_disclosed.three_security_one_stability": refuse(
    "你(单位)申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。",
  ),
  "results.not_disclosed.third_party_rights": refuse(
    "你(单位)申请获取的政府信息涉及商业秘密、个人隐私等,公开会对第三方合法权益造成损害,且不属于第三方同意公开或者不公开会对公共利益造成重大影响的情形。",
  ),
  "results.not_disclosed.internal_affairs": refuse(
    "你(单位)申请获取的信息属于本机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息。",
  ),
  "results.not_disclosed.process_info": refuse(
    "你(单位)申请获取的信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。",
  ),
  "results.not_disclosed.enforcement_file": refuse("你(单位)申请获取的信息属于行政执法案卷信息。"),
  "results.not_disclosed.administrative_inquiry": reply(
    NOT_DISCLOSED,
    "你(单位)申请获取的信息属于行政查询事项,有关法律、行政法规对该信息的获取有特别规定。根据{依据条款}的规定,请你(单位)依照有关法律、行政法规的规定办理。",
    "具体说明如下:{理由}",
  ),
  "results.unable_to_provide.not_held": reply(
    "政府信息不存在告知书",
    "经检索,本机关没有制作或者获取你(单位)申请获取的政府信息,本机关不掌握相关政府信息。根据{依据条款}的规定,现告知你(单位)该政府信息不存在。",
    "具体说明如下:{理由}",
  ),
  "results.unable_to_provide.needs_creation": reply(
    GENERIC,
    "本机关没有你(单位)申请获取的现成信息,该信息需要本机关对现有政府信息进行加工、分析才能形成。根据{依据条款}的规定,本机关不予提供。",
  ),
  "results.unable_to_provide.unclear_after_correction": reply(
    GENERIC,
    "本机关已告知你(单位)对申请内容作出补正。你(单位)补正后的申请内容仍不明确,本机关无法确定你(单位)所需的政府信息。根据{依据条款}的规定,本机关无法提供。你(单位)可以在明确所需政府信息后重新提出申请。",
  ),
  "results.not_processed.petition_complaint": reply(
    "不予处理告知书",
    "你(单位)的申请实为以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{依据条款}的规定,本机关不作为政府信息公开申请处理,你(单位)可以通过信访、投诉举报等相应渠道提出。",
  ),
  "results.not_processed.duplicate": reply(
    "不予处理告知书",
    "本机关已就你(单位)提出的相同政府信息公开申请作出答复,你(单位)重复申请公开相同政府信息。根据{依据条款}的规定,本机关不予重复处理。",
  ),
  "results.not_processed.publication": reply(
    "不予处理告知书",
    "你(单位)申请获取的是政府公报、报刊、书籍等公开出版物。根据{依据条款}的规定,本机关告知你(单位)获取的途径:{理由}",
  ),
  "results.not_processed.excessive_repeated": reply(
    "不予处理告知书",
    "你(单位)申请公开政府信息的数量、频次明显超过合理范围,本机关已要求你(单位)说明理由。本机关认为你(单位)说明的理由不合理或者你(单位)未说明理由。根据{依据条款}的规定,本机关不予处理。",
  ),
  "results.not_processed.confirm_or_reissue": reply(
    "不予处理告知书",
    "你(单位)的申请内容为要求本机关确认或者重新出具你(单位)已获取的信息,不属于政府信息公开申请的处理范围。根据{依据条款}的规定,本机关不予处理。",
  ),
  "results.other.no_correction_abandoned": reply(
    "终止处理告知书",
    "本机关已书面告知你(单位)对申请作出补正,补正期限至{补正期限}。你(单位)无正当理由逾期未补正,根据{依据条款}的规定,视为放弃申请,本机关不再处理该政府信息公开申请。",
  ),
  "results.other.fee_unpaid": reply(
    "终止处理告知书",
    "本机关已向你(单位)发出收取信息处理费的通知。你(单位)逾期未按收费通知要求缴纳费用,根据{依据条款}的规定,本机关不再处理该政府信息公开申请。",
  ),
  "results.other.other": reply(GENERIC, "本机关对你(单位)的政府信息公开申请作如下处理:{理由}"),
};

/** The shipped text of every template. */
export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterTemplateKey, LetterTemplateText>> = {
  receipt: {
    title: "政府信息公开申请受理回执",
    body: lines(
      "{申请人}:",
      "本机关于{收到日期}收到你(单位)提出的政府信息公开申请,申请获取“{申请内容}”。根据{依据条款}的规定,现予登记,申请编号为{申请编号}。",
      "本机关将于{答复期限}前作出答复。依法征求第三方或者其他机关意见、申请人补正以及缴纳信息处理费所需时间,不计算在答复期限内;需要延长答复期限的,本机关将另行书面告知。",
      "你(单位)可以凭申请编号和查询码在本机关门户网站“依申请公开”栏目查询办理进度。",
      "特此回执。",
    ),
  },
  supplement: {
    title: "政府信息公开申请补正告知书",
    body: lines(
      "{申请人}:",
      "本机关于{收到日期}收到你(单位)提出的政府信息公开申请(申请编号:{申请编号})。经审查,你(单位)的申请内容不明确。根据{依据条款}的规定,请你(单位)对下列事项作出补正:",
      "{补正事项}",
      "请于{补正期限}前将补正材料提交本机关。答复期限自本机关收到补正的申请之日起计算。你(单位)无正当理由逾期不补正的,视为放弃申请,本机关不再处理该政府信息公开申请。",
      "特此告知。",
    ),
  },
  extension: {
    title: "政府信息公开申请延期答复告知书",
    body: lines(
      "{申请人}:",
      "本机关于{收到日期}收到你(单位)提出的政府信息公开申请(申请编号:{申请编号}),申请获取“{申请内容}”。",
      "因{延期理由},本机关不能在法定期限内作出答复。根据{依据条款}的规定,经本机关政府信息公开工作机构负责人同意,答复期限延长{延长天数}个工作日,延长后的答复期限为{答复期限}。",
      "特此告知。",
    ),
  },
  consult_third_party: {
    title: "政府信息公开征求第三方意见函",
    body: lines(
      "{被征求意见方}:",
      "本机关收到一份政府信息公开申请(申请编号:{申请编号}),申请获取“{申请内容}”。经审查,该政府信息的公开可能损害你(单位)的合法权益。根据{依据条款}的规定,现书面征求你(单位)的意见。",
      "请你(单位)自收到本函之日起15个工作日内(即{征求意见期限}前)向本机关提出书面意见,并说明理由。逾期未提出意见的,由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的,本机关不予公开;本机关认为不公开可能对公共利益造成重大影响的,可以决定予以公开,并将决定公开的政府信息内容和理由书面告知你(单位)。",
      "特此函告。",
    ),
  },
  consult_agency: {
    title: "政府信息公开征求意见函",
    body: lines(
      "{被征求意见方}:",
      "本机关收到一份政府信息公开申请(申请编号:{申请编号}),申请获取“{申请内容}”。该政府信息的公开需要征求贵机关的意见。根据{依据条款}的规定,现函请贵机关自收到本函之日起15个工作日内(即{征求意见期限}前)提出意见;逾期未提出意见的,视为同意公开。",
      "特此函告。",
    ),
  },
  ...(Object.fromEntries(
    Object.entries(REPLIES).map(([result, text]) => [`reply:${result}`, text]),
  ) as Record<`reply:${ReplyResultKey}`, LetterTemplateText>),
};
