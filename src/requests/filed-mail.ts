// The e-mail to an applicant who filed online. Built here; sent by the mail module once it
// exists (src/platform/mail.ts is not there yet, so nothing is sent and nothing is recorded).

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface FiledMailInput {
  applicationNo: string;
  /** Formatted as shown on screen, e.g. ABCD-EFGH. */
  queryCode: string;
  email: string;
  name: string;
  submittedOn: string;
  siteName: string;
}

/** 申请编号 and 查询码 by e-mail, with how the receipt date and the reply period work (第三十一条, 第三十三条). */
export function applicationFiledMail(input: FiledMailInput): MailMessage {
  return {
    to: input.email,
    subject: `政府信息公开申请已提交(申请编号 ${input.applicationNo})`,
    text: [
      `${input.name}:`,
      "",
      `您于 ${input.submittedOn} 通过${input.siteName}提交的政府信息公开申请已收到。`,
      `申请编号:${input.applicationNo}`,
      `查询码:${input.queryCode}`,
      "",
      "网上提交的申请,以本机关与您确认之日为收到申请之日(《政府信息公开条例》第三十一条)。",
      "本机关自收到申请之日起20个工作日内答复;需要延长的,延长期限最长不超过20个工作日(第三十三条)。",
      "请凭申请编号和查询码在网站“依申请公开—办理进度查询”中查看办理情况。查询码请妥善保管,不要告诉他人。",
      "",
      "本邮件由系统自动发送,请勿直接回复。",
    ].join("\n"),
  };
}
