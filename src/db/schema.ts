// Assembles the database interface from each domain's table types.
import type { AccountTables } from "../accounts/tables";
import type { OrgTables } from "../org/tables";
import type { PlatformTables } from "../platform/tables";

export interface DB extends PlatformTables, OrgTables, AccountTables {}
