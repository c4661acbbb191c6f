/** pending until the address is confirmed (double opt-in); only confirmed ones receive mail. */
export type SubscriptionStatus = "pending" | "confirmed" | "unsubscribed";

export interface SubscriptionsTable {
  id: import("kysely").Generated<number>;
  /** The address, encrypted with the personal-data key. */
  email_enc: string;
  /** HMAC of the normalised address: uniqueness without storing it in clear. */
  email_hash: string;
  email_masked: string;
  /** "catalogItem" | "genre" | "consultations" (see topics.ts). */
  topic: string;
  /** The catalog item id or genre key; "" for consultations. */
  topic_ref: string;
  status: SubscriptionStatus;
  /** SHA-256 of the token in the confirmation link, shared by the rows of one request. */
  confirm_token_hash: string | null;
  /**
   * Kept in clear on purpose: every notification, composed inside a publishing transaction that
   * holds no key, must embed it again. It only lets its holder end this one subscription.
   */
  unsubscribe_token: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface SubscriptionTables {
  subscriptions: SubscriptionsTable;
}
