import type { Generated } from "kysely";

/** A 督办 task of a year set by the 政务公开 office (e.g. 落实标准目录, 业务培训). */
export interface SupervisionTasksTable {
  id: Generated<number>;
  year: number;
  title: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A task assigned to one unit with its deadline; the status is the unit's last report. */
export interface SupervisionAssignmentsTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  /** Deadline, YYYY-MM-DD; overdue is derived from it at read time, never stored. */
  due_on: string;
  /** not_started | in_progress | done */
  status: string;
  /** The day the unit reported it done; null otherwise. */
  done_on: string | null;
  updated_at: string;
}

/** One progress report of a unit on an assignment. */
export interface SupervisionReportsTable {
  id: Generated<number>;
  assignment_id: number;
  reported_on: string;
  status: string;
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
}

/** A file attached to a progress report (stored by src/platform/files). */
export interface SupervisionReportFilesTable {
  id: Generated<number>;
  report_id: number;
  file_id: number;
  file_name: string;
}

/** A training session (业务培训). */
export interface SupervisionTrainingsTable {
  id: Generated<number>;
  held_on: string;
  topic: string;
  organiser: string;
  /** Length in minutes (the form takes hours with one decimal). */
  minutes: number;
  created_by: number | null;
  created_at: string;
}

/** Who attended a training: a user account, or a name, always counted for a unit. */
export interface SupervisionTrainingAttendeesTable {
  id: Generated<number>;
  training_id: number;
  unit_id: number;
  user_id: number | null;
  name: string;
}

/** The administrator's weight of one assessment indicator; missing keys use the defaults. */
export interface SupervisionIndicatorWeightsTable {
  key: string;
  weight: number;
  updated_at: string;
  updated_by: number | null;
}

export interface SupervisionTables {
  supervision_tasks: SupervisionTasksTable;
  supervision_assignments: SupervisionAssignmentsTable;
  supervision_reports: SupervisionReportsTable;
  supervision_report_files: SupervisionReportFilesTable;
  supervision_trainings: SupervisionTrainingsTable;
  supervision_training_attendees: SupervisionTrainingAttendeesTable;
  supervision_indicator_weights: SupervisionIndicatorWeightsTable;
}
