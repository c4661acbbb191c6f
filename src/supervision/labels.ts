// Chinese labels 监督考核 shows for other domains' states and its own.
import type { RecordState } from "../records/tables";

export const recordStateLabels: Record<RecordState, string> = {
  draft: "草稿",
  in_review: "待审核",
  awaiting_signoff: "待签发",
  scheduled: "定时发布",
  published: "已发布",
  withdrawn: "已撤回",
};

export const TASK_STATUSES = ["not_started", "in_progress", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: "未开始",
  in_progress: "进行中",
  done: "已完成",
};
