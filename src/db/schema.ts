// Assembles the database interface from each domain's table types.
import type { AccountTables } from "../accounts/tables";
import type { CalendarTables } from "../calendar/tables";
import type { CatalogTables } from "../catalog/tables";
import type { OrgTables } from "../org/tables";
import type { PlatformTables } from "../platform/tables";
import type { RecordTables } from "../records/tables";
import type { CaseworkTables } from "../requests/casework-tables";
import type { RequestTables } from "../requests/tables";
import type { SearchTables } from "../search/tables";

export interface DB
  extends PlatformTables,
    CalendarTables,
    OrgTables,
    AccountTables,
    CatalogTables,
    RecordTables,
    SearchTables,
    RequestTables,
    CaseworkTables {}
