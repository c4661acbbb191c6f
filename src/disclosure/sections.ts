// The parts of the 政府信息公开 专栏 and which records two of them list.
import type { PublicRecordFilter } from "../records/public-store";

/** The 专栏's own menu, in the order government sites show it. */
export const disclosureSections = [
  { href: "/disclosure/guide", label: "信息公开指南" },
  { href: "/disclosure/rules", label: "信息公开制度" },
  { href: "/disclosure#statutory", label: "法定主动公开内容" },
  { href: "/disclosure/records", label: "信息公开目录" },
  { href: "/disclosure/annual-reports", label: "信息公开年报" },
  { href: "/applications", label: "依申请公开" },
] as const;

/**
 * 信息公开制度: the bureau's own disclosure rules (工作制度, 保密审查, 依申请公开办理规程, 实施方案 …)
 * are records like any other, filed with 主题分类 “政务公开”; the page lists those. A topic rather
 * than a genre, because such rules are issued as 通知 or 规范性文件 alike.
 */
export const DISCLOSURE_RULES_TOPIC = "政务公开";
export const disclosureRulesFilter: PublicRecordFilter = { topic: DISCLOSURE_RULES_TOPIC };

/** 信息公开年报 (条例第四十九条、第五十条): records of the 信息公开年报 genre. */
export const annualReportFilter: PublicRecordFilter = { genre: "annualReport" };
