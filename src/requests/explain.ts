// The clock explains itself in Chinese, one sentence per fact, each citing the article it rests on.

import type { CaseState, Consultation } from "./case-state";
import type { ApplicationClock, PausedInterval } from "./clock";
import { REPLY_WORKDAYS } from "./periods";
import { RECEIPT_CHANNEL_LABELS, type ReceiptFacts } from "./receipt";
import { resultLabel } from "./results";

/** Chinese sentences explaining a computed clock, in the order things happened. */
export function explainClock(
  clock: ApplicationClock,
  state: CaseState,
  receipt: ReceiptFacts,
): string[] {
  const lines: string[] = [receiptSentence(clock, receipt)];
  if (!clock.receivedOn) {
    if (state.closing) lines.push(`${state.closing.on} 申请人撤回申请,未计入收到的申请。`);
    return lines;
  }
  lines.push(...inDateOrder(stepSentences(clock, state)));
  if (!clock.dueDate) return lines;
  lines.push(dueSentence(clock));
  if (clock.provisional) {
    lines.push("答复期限所在年度的节假日安排尚未公布,暂按周末推算,公布后可能变化。");
  }
  lines.push(statusSentence(clock, state));
  return lines;
}

interface Dated {
  on: string;
  text: string;
}

/** The steps that shaped the clock, each dated by the day it began. */
function stepSentences(clock: ApplicationClock, state: CaseState): Dated[] {
  const steps: Dated[] = [...supplementSentences(clock, state)];
  for (const pause of clock.pausedIntervals) {
    steps.push({ on: pause.from, text: pauseSentence(pause, state) });
  }
  const { extension, reasonsAskedOn, reasonablePeriod } = state;
  if (extension) {
    const text = `${extension.on} 经签发人批准延长答复期限 ${extension.days} 个工作日,并告知申请人(条例第三十三条)。`;
    steps.push({ on: extension.on, text });
  }
  if (reasonsAskedOn) {
    const text = `${reasonsAskedOn} 因申请数量、频次明显超过合理范围,要求申请人说明理由(条例第三十五条)。`;
    steps.push({ on: reasonsAskedOn, text });
  }
  if (reasonablePeriod) {
    const text = `${reasonablePeriod.on} 认为理由合理,确定延迟答复的合理期限至 ${reasonablePeriod.dueOn}(条例第三十五条)。`;
    steps.push({ on: reasonablePeriod.on, text });
  }
  return steps;
}

/** Stable sort by date, so steps of the same day keep their logical order. */
function inDateOrder(steps: Dated[]): string[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => (a.step.on < b.step.on ? -1 : a.step.on > b.step.on ? 1 : a.index - b.index))
    .map(({ step }) => step.text);
}

function receiptSentence(clock: ApplicationClock, receipt: ReceiptFacts): string {
  const channel = RECEIPT_CHANNEL_LABELS[receipt.channel];
  if (!clock.receivedOn) {
    const submitted = receipt.submittedOn ? `于 ${receipt.submittedOn} 提交,` : "";
    return `${channel}${submitted}尚待经办人与申请人确认;以确认之日为收到申请之日,确认前不计算答复期限(条例第三十一条)。`;
  }
  switch (receipt.channel) {
    case "in_person":
      return `收到申请 ${clock.receivedOn}(当面提交,以提交之日为收到申请之日,条例第三十一条)。`;
    case "mail_signed":
      return `收到申请 ${clock.receivedOn}(邮寄,以签收之日为收到申请之日,条例第三十一条)。`;
    case "mail_unsigned":
    case "online":
    case "fax": {
      const submitted = receipt.submittedOn ? `${receipt.submittedOn} 提交,` : "";
      return `收到申请 ${clock.receivedOn}(${channel},${submitted}以与申请人确认之日为收到申请之日,条例第三十一条)。`;
    }
    default: {
      const unknown: never = receipt.channel;
      throw new RangeError(`未知的申请渠道:${String(unknown)}`);
    }
  }
}

function supplementSentences(clock: ApplicationClock, state: CaseState): Dated[] {
  const supplement = state.supplement;
  if (!supplement) return [];
  const { requestedOn, dueOn, receivedOn, expiredOn } = supplement;
  const steps: Dated[] = [
    { on: requestedOn, text: `${requestedOn} 一次性告知补正,补正期限至 ${dueOn}(条例第三十条)。` },
  ];
  if (receivedOn) {
    const text = `${receivedOn} 收到补正,答复期限自该日重新起算(条例第三十条)。`;
    steps.push({ on: receivedOn, text });
  } else if (expiredOn) {
    const text = `${expiredOn} 申请人无正当理由逾期不补正,视为放弃申请,不再处理(条例第三十条)。`;
    steps.push({ on: expiredOn, text });
  } else if (clock.isSupplementOverdue) {
    const text = "补正期限已过,尚未收到补正;申请人无正当理由的,视为放弃申请(条例第三十条)。";
    steps.push({ on: dueOn, text });
  } else {
    const text = "等待申请人补正,答复期限自收到补正之日起计算(条例第三十条)。";
    steps.push({ on: requestedOn, text });
  }
  return steps;
}

function pauseSentence(pause: PausedInterval, state: CaseState): string {
  const days = `${pause.workdays} 个工作日`;
  if (pause.reason === "processing_fee") {
    const fee = state.fee;
    if (pause.open) {
      return `${pause.from} 发出收费通知(${fee?.amountYuan} 元),尚未缴费,暂停计时(缴费期限至 ${fee?.payBy})。`;
    }
    const end = fee?.paidOn ? "缴费" : "缴费期限届满";
    return `${pause.from} 至 ${pause.to} 收费通知至${end},不计入答复期限(${days},条例第四十二条、国办函〔2020〕109号)。`;
  }
  const consultation = state.consultations.find((c) => c.id === pause.consultationId);
  const what = pause.reason === "agency_consultation" ? "征求其他机关意见" : "征求第三方意见";
  const party = consultation ? `(${consultation.party})` : "";
  if (pause.open) {
    return `${pause.from} 起${what}${party},尚未答复,暂停计时(答复期限至 ${consultation?.periodEndsOn})。`;
  }
  return `${pause.from} 至 ${pause.to} ${what}${party},${silenceNote(consultation, pause)}不计入答复期限(${days},条例第三十三条第二款)。`;
}

function silenceNote(consultation: Consultation | undefined, pause: PausedInterval): string {
  if (!consultation || (consultation.answeredOn && consultation.answeredOn <= pause.to)) return "";
  // A pause cut short by closing the case did not run to the end of the consultation period.
  if (pause.to < consultation.periodEndsOn) return "";
  return consultation.kind === "agency"
    ? "期满未提出意见,视为同意公开(条例第三十四条);"
    : "期满未提出意见,由本机关依法决定是否公开(条例第三十二条);";
}

function dueSentence(clock: ApplicationClock): string {
  if (clock.reasonablePeriodDueOn)
    return `答复期限 ${clock.dueDate}(条例第三十五条确定的合理期限)。`;
  const total = REPLY_WORKDAYS + clock.extensionDays;
  const paused = clock.pausedIntervals.length > 0 ? ",不含不计入的期间" : "";
  return `答复期限 ${clock.dueDate}(自 ${clock.startOn} 起算 ${total} 个工作日${paused},条例第三十三条)。`;
}

function statusSentence(clock: ApplicationClock, state: CaseState): string {
  const closing = state.closing;
  if (closing) {
    const what =
      closing.kind === "reply"
        ? `答复(${closing.result ? resultLabel(closing.result) : "结果未定"})`
        : closing.kind === "withdraw"
          ? "申请人撤回申请,办结"
          : closing.kind === "fee_expired"
            ? "申请人逾期未缴纳信息处理费,不再处理"
            : "申请人逾期不补正,不再处理";
    const late = clock.workdaysLeft < 0 ? ` ${-clock.workdaysLeft} 个工作日` : "";
    const timing = clock.closedInTime ? "在答复期限内" : `超过答复期限${late}`;
    return `${closing.on} ${what},${timing};已用 ${clock.workdaysUsed} 个工作日。`;
  }
  const used = `截至 ${clock.asOf} 已用 ${clock.workdaysUsed} 个工作日`;
  switch (clock.state) {
    case "overdue":
      return `${used},已超期 ${-clock.workdaysLeft} 个工作日。`;
    case "due_soon":
      return `${used},剩余 ${clock.workdaysLeft} 个工作日,即将到期。`;
    default:
      return `${used},剩余 ${clock.workdaysLeft} 个工作日${clock.isPaused ? "(暂停计时中)" : ""}。`;
  }
}
