// Assembles the database interface from each domain's table types.
import type { AccountTables } from "../accounts/tables";
import type { CalendarTables } from "../calendar/tables";
import type { CatalogTables } from "../catalog/tables";
import type { MessageTables } from "../messages/tables";
import type { OrgTables } from "../org/tables";
import type { MeetingTables } from "../participation/meetings/tables";
import type { ParticipationTables } from "../participation/tables";
import type { JobTables } from "../platform/jobs/tables";
import type { MailTables } from "../platform/mail/tables";
import type { PlatformTables } from "../platform/tables";
import type { PublicityTables } from "../publicity/tables";
import type { RecordTables } from "../records/tables";
import type { CaseworkTables } from "../requests/casework-tables";
import type { RequestTables } from "../requests/tables";
import type { SearchTables } from "../search/tables";
import type { ServiceTables } from "../services/tables";
import type { SubscriptionTables } from "../subscriptions/tables";
import type { AnnualReportTables } from "../supervision/annual-report/tables";
import type { ReminderTables } from "../supervision/reminders/tables";
import type { SupervisionTables } from "../supervision/tables";

export interface DB
  extends PlatformTables,
    CalendarTables,
    OrgTables,
    AccountTables,
    CatalogTables,
    RecordTables,
    SearchTables,
    RequestTables,
    CaseworkTables,
    ServiceTables,
    PublicityTables,
    MessageTables,
    ParticipationTables,
    MeetingTables,
    MailTables,
    JobTables,
    SubscriptionTables,
    AnnualReportTables,
    SupervisionTables,
    ReminderTables {}
