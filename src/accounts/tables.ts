import type { Generated } from "kysely";

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  email: string | null;
  password_hash: string;
  must_change_password: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  is_active: Generated<number>;
  created_at: string;
  password_changed_at: string | null;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id; the id itself lives only in the visitor's cookie. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
