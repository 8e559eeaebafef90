import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Statuses of DESIGN §12; other parts and checks rely on these exact strings. */
export const PAYMENT_STATUSES = [
  "unpaid",
  "pending",
  "paid",
  "review",
  "failed",
  "expired",
  "refunded",
  "partially_refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const ORDER_SOURCES = ["bot", "counter"] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const WARRANTY_CLAIM_KINDS = ["free", "fee"] as const;
export type WarrantyClaimKind = (typeof WARRANTY_CLAIM_KINDS)[number];

export const REPAIR_STATUSES = ["booked", "received", "in_progress", "ready", "completed", "cancelled"] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** "pay_at_shop": the customer pays at the counter on the day (no Midtrans attempt, no hold to run out). */
export const PAYMENT_METHODS = ["bca_va", "bni_va", "bri_va", "echannel", "gopay", "shopeepay", "other_qris", "credit_card", "all", "cash", "pay_at_shop"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const devices = pgTable("devices", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  sort: integer("sort").notNull().default(0),
  active: boolean("active").notNull().default(true),
});
export type Device = typeof devices.$inferSelect;

export const parts = pgTable(
  "parts",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull().unique(),
    sort: integer("sort").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** Days of warranty from the day a repair with this part is completed; 0 = none. */
    warrantyDays: integer("warranty_days").notNull().default(0),
  },
  (t) => [check("parts_warranty_days", sql`${t.warrantyDays} between 0 and 3650`)],
);
export type Part = typeof parts.$inferSelect;

export const prices = pgTable(
  "prices",
  {
    deviceId: integer("device_id").notNull().references(() => devices.id),
    partId: integer("part_id").notNull().references(() => parts.id),
    priceIdr: integer("price_idr").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.partId] }), check("prices_positive", sql`${t.priceIdr} > 0`)],
);
export type Price = typeof prices.$inferSelect;

/**
 * A shop of the business on this deployment. Branch 1 is made by migration 0012 from the shop's settings
 * (today's data); the branch_id columns default to it, so a deployment with one branch works as before.
 */
export const branches = pgTable(
  "branches",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    /** "+62…" or "". */
    phone: text("phone").notNull().default(""),
    mapsUrl: text("maps_url").notNull().default(""),
    active: boolean("active").notNull().default(true),
    sort: integer("sort").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("branches_name_key").on(t.name)],
);
export type Branch = typeof branches.$inferSelect;

/** The branch every row made before branches existed belongs to, and the default of every branch_id. */
export const FIRST_BRANCH_ID = 1;
const branchColumn = () =>
  integer("branch_id")
    .notNull()
    .default(FIRST_BRANCH_ID)
    .references(() => branches.id);

export const slots = pgTable(
  "slots",
  {
    id: serial("id").primaryKey(),
    branchId: branchColumn(),
    label: text("label").notNull(),
    /** Wall-clock time in WIB, "HH:MM". */
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    capacity: integer("capacity").notNull().default(2),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("slots_branch_label_key").on(t.branchId, t.label),
    check("slots_capacity_non_negative", sql`${t.capacity} >= 0`),
    check("slots_times", sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.endTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`),
  ],
);
export type Slot = typeof slots.$inferSelect;

/**
 * Opening hours per weekday: a slot's capacity on one weekday (0 = the slot does not run that day).
 * A weekday with no row uses the slot's own capacity.
 */
export const slotWeekdayCapacity = pgTable(
  "slot_weekday_capacity",
  {
    slotId: integer("slot_id")
      .notNull()
      .references(() => slots.id),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: integer("weekday").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.weekday] }),
    check("slot_weekday_capacity_weekday", sql`${t.weekday} between 0 and 6`),
    check("slot_weekday_capacity_non_negative", sql`${t.capacity} >= 0`),
  ],
);
export type SlotWeekdayCapacity = typeof slotWeekdayCapacity.$inferSelect;

export const closedDates = pgTable(
  "closed_dates",
  {
    branchId: branchColumn(),
    date: date("date", { mode: "string" }).notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.date] })],
);
export type ClosedDate = typeof closedDates.$inferSelect;

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The branch of the order's slot. */
    branchId: branchColumn(),
    bookingCode: text("booking_code").notNull(),
    statusToken: text("status_token").notNull(),
    /** Null for an order staff made at the counter until the customer shares that phone with the bot. */
    chatId: bigint("chat_id", { mode: "number" }),
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    telegramUsername: text("telegram_username"),
    customerName: text("customer_name").notNull().default(""),
    /** "+62…", normalised; shared in the chat or typed by staff. */
    customerPhone: text("customer_phone"),
    /** What the customer says is wrong with the phone (≤ 500 characters). */
    faultDescription: text("fault_description"),
    /** Telegram file_ids of up to 3 photos of the fault; fetched through the admin's photo route. */
    faultPhotos: jsonb("fault_photos").$type<string[]>().notNull().default([]),
    /** "bot": booked in Telegram; "counter": made by staff for a walk-in or a phone call. */
    source: text("source").$type<OrderSource>().notNull().default("bot"),
    language: text("language").notNull().default("id"),
    deviceId: integer("device_id").notNull().references(() => devices.id),
    /** Null for a diagnosis ("Belum tahu / cek dulu"): the part and its price are decided at the shop. */
    partId: integer("part_id").references(() => parts.id),
    slotId: integer("slot_id").notNull().references(() => slots.id),
    deviceName: text("device_name").notNull(),
    partName: text("part_name").notNull(),
    slotLabel: text("slot_label").notNull(),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    paymentMethod: text("payment_method").$type<PaymentMethod>().notNull(),
    paymentStatus: text("payment_status").$type<PaymentStatus>().notNull().default("unpaid"),
    repairStatus: text("repair_status").$type<RepairStatus>().notNull().default("booked"),
    amountIdr: integer("amount_idr").notNull(),
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** Set when money came in that must go back (a double payment, a paid order cancelled). */
    needsRefund: boolean("needs_refund").notNull().default(false),
    /** When staff marked the repair completed: the warranty runs from this day (WIB). */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** The part's warranty days, copied when the repair is completed (a later catalog edit does not change it). */
    warrantyDays: integer("warranty_days").notNull().default(0),
    /** Set on a warranty claim: the completed order it claims the warranty of. */
    warrantyOfOrderId: uuid("warranty_of_order_id").references((): AnyPgColumn => orders.id),
    /** "free": no charge; "fee": the owner's claim fee (settings). Null for an ordinary order. */
    warrantyClaimKind: text("warranty_claim_kind").$type<WarrantyClaimKind>(),
    /** The technician doing the repair: picked at booking (fewest jobs in the slot), changeable in the admin. */
    technicianId: integer("technician_id").references((): AnyPgColumn => admins.id),
    ...timestamps,
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("orders_booking_code_key").on(t.bookingCode),
    uniqueIndex("orders_status_token_key").on(t.statusToken),
    index("orders_chat_idx").on(t.chatId, t.createdAt),
    index("orders_live_slot_day_idx").on(t.serviceDate, t.slotId).where(sql`${t.repairStatus} <> 'cancelled'`),
    index("orders_hold_idx").on(t.holdExpiresAt).where(sql`${t.paymentStatus} in ('unpaid','pending','failed')`),
    // Keyset pagination of the admin's order list, both directions: (created_at, id), and
    // (service_date, created_at) then id for the service-date sorts; created_at ranges use the first.
    index("orders_created_id_idx").on(t.createdAt, t.id),
    index("orders_branch_service_date_idx").on(t.branchId, t.serviceDate),
    index("orders_service_date_idx").on(t.serviceDate, t.createdAt),
    // "Perlu refund": a few orders among all of them, which the list otherwise finds by reading the whole table
    // (or, sorted by service date, a long stretch of orders_service_date_idx). One partial index per sort key.
    index("orders_needs_refund_idx").on(t.createdAt, t.id).where(sql`${t.needsRefund}`),
    index("orders_needs_refund_service_idx").on(t.serviceDate, t.createdAt, t.id).where(sql`${t.needsRefund}`),
    index("orders_username_idx").on(sql`lower(${t.telegramUsername})`),
    index("orders_name_idx").on(sql`lower(${t.customerName})`),
    index("orders_phone_idx").on(t.customerPhone),
    // One open claim per order: a second claim waits until the first is completed or cancelled.
    uniqueIndex("orders_open_warranty_claim_key")
      .on(t.warrantyOfOrderId)
      .where(sql`${t.warrantyOfOrderId} is not null and ${t.repairStatus} not in ('completed', 'cancelled')`),
    index("orders_warranty_of_idx").on(t.warrantyOfOrderId),
    // Units a part's stock has promised: the live orders of a device and part (see part_stock).
    index("orders_live_part_idx").on(t.deviceId, t.partId).where(sql`${t.partId} is not null and ${t.repairStatus} not in ('completed', 'cancelled')`),
    // A technician's jobs of a day ("Pekerjaan saya") and a slot's jobs per technician at booking.
    index("orders_live_technician_day_idx").on(t.technicianId, t.serviceDate).where(sql`${t.repairStatus} <> 'cancelled'`),
    check("orders_amount_not_negative", sql`${t.amountIdr} >= 0`),
    check("orders_fault_description_length", sql`char_length(${t.faultDescription}) <= 500`),
    check("orders_fault_photos_count", sql`jsonb_array_length(${t.faultPhotos}) <= 3`),
    check("orders_booking_code_format", sql`${t.bookingCode} ~ '^[0-9]{8}$'`),
  ],
);
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id").notNull().references(() => orders.id),
    attempt: integer("attempt").notNull(),
    midtransOrderId: text("midtrans_order_id").notNull(),
    kind: text("kind").$type<"snap" | "core" | "cash">().notNull(),
    snapToken: text("snap_token"),
    redirectUrl: text("redirect_url"),
    vaBank: text("va_bank"),
    vaNumber: text("va_number"),
    billKey: text("bill_key"),
    billerCode: text("biller_code"),
    paymentType: text("payment_type"),
    transactionId: text("transaction_id"),
    transactionStatus: text("transaction_status"),
    fraudStatus: text("fraud_status"),
    grossAmount: integer("gross_amount").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    rawStatus: jsonb("raw_status"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("payments_midtrans_order_id_key").on(t.midtransOrderId),
    uniqueIndex("payments_order_attempt_key").on(t.orderId, t.attempt),
    index("payments_status_idx").on(t.transactionStatus, t.updatedAt),
  ],
);
export type Payment = typeof payments.$inferSelect;

export const conversations = pgTable("conversations", {
  chatId: bigint("chat_id", { mode: "number" }).primaryKey(),
  step: text("step").notNull().default("idle"),
  data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  /** The wizard's own message, edited in place as the customer moves on. */
  messageId: integer("message_id"),
  language: text("language").notNull().default("id"),
  /** The customer's phone ("+62…") as last shared or typed, offered again at the next booking. */
  phone: text("phone"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Conversation = typeof conversations.$inferSelect;

/**
 * One row, replaced (by the triggers of migration 0006) in every transaction that
 * changes the settings, catalog or schedule tables: an instance keeps those
 * tables' reads while the value it read them under is still the one stored.
 */
export const configVersion = pgTable("config_version", {
  id: integer("id").primaryKey(),
  version: text("version").notNull(),
});

export const processedUpdates = pgTable(
  "processed_updates",
  {
    updateId: bigint("update_id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("processed_updates_at_idx").on(t.at)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    /** A Bot API call: { method, params }. */
    payload: jsonb("payload").$type<{ method: string; params: Record<string, unknown> }>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAt: timestamp("next_at", { withTimezone: true }).notNull().defaultNow(),
    /** A sender claims a row until this time so two instances never send it twice. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_due_idx").on(t.nextAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);
export type OutboxMessage = typeof outbox.$inferSelect;

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_actor_idx").on(t.actor, t.at),
    index("audit_action_idx").on(t.action, t.at),
    index("audit_at_idx").on(t.at),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const admins = pgTable("admins", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role").$type<"owner" | "staff">().notNull().default("staff"),
  disabled: boolean("disabled").notNull().default(false),
  /** Does repairs: counted in a slot's places on the weekdays they work, and assigned orders. */
  technician: boolean("technician").notNull().default(false),
  /** The weekdays a technician works, one bit each from Monday (bit 0) to Sunday (bit 6). */
  workingWeekdays: smallint("working_weekdays").notNull().default(127),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [check("admins_working_weekdays_week", sql`${t.workingWeekdays} between 0 and 127`)]);
export type Admin = typeof admins.$inferSelect;

export const adminSessions = pgTable(
  "admin_sessions",
  {
    /** SHA-256 of the cookie's token: a leaked table does not log anyone in. */
    tokenHash: text("token_hash").primaryKey(),
    adminId: integer("admin_id").notNull().references(() => admins.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("admin_sessions_admin_idx").on(t.adminId)],
);
export type AdminSession = typeof adminSessions.$inferSelect;

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

export const drafts = pgTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    choices: jsonb("choices").$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("drafts_expires_idx").on(t.expiresAt)],
);
export type Draft = typeof drafts.$inferSelect;

/** Fixed-window counters for rate limits (login attempts, /status guesses). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull().default(0),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});

/** Staff's internal notes on an order (never shown to the customer): who wrote what, when. */
export const orderNotes = pgTable(
  "order_notes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    author: text("author").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_notes_order_idx").on(t.orderId, t.createdAt), check("order_notes_body_length", sql`char_length(${t.body}) between 1 and 1000`)],
);
export type OrderNote = typeof orderNotes.$inferSelect;

export const REFUND_STATUSES = ["requested", "done", "failed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * Money given back on an order: through Midtrans' refund endpoint (card, GoPay, ShopeePay, QRIS)
 * or recorded by staff as done by hand (bank transfer, cash). refund_key is Midtrans' idempotency key.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    paymentId: uuid("payment_id").references(() => payments.id),
    via: text("via").$type<"midtrans" | "manual">().notNull(),
    refundKey: text("refund_key").notNull(),
    amountIdr: integer("amount_idr").notNull(),
    reason: text("reason").notNull().default(""),
    status: text("status").$type<RefundStatus>().notNull().default("requested"),
    actor: text("actor").notNull(),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("refunds_refund_key").on(t.refundKey),
    index("refunds_order_idx").on(t.orderId, t.createdAt),
    check("refunds_amount_positive", sql`${t.amountIdr} > 0`),
  ],
);
export type Refund = typeof refunds.$inferSelect;

export const WAITLIST_STATES = ["waiting", "offered", "booked", "expired", "cancelled"] as const;
export type WaitlistState = (typeof WAITLIST_STATES)[number];

/**
 * A chat waiting for a place on a full day ("Kabari saya"). When a place frees,
 * the first waiting row of that date is offered it: the place is held for that
 * chat (counted as taken by every booking) until offer_expires_at.
 */
export const waitlist = pgTable(
  "waitlist",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    branchId: branchColumn(),
    /** Who waits, as Telegram names them, for the shop's list. */
    customerName: text("customer_name").notNull().default(""),
    telegramUsername: text("telegram_username"),
    /** The WIB calendar date waited for. */
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    /** What the wizard held when the customer asked to wait; the offer resumes from these. */
    deviceId: integer("device_id").references(() => devices.id),
    partId: integer("part_id").references(() => parts.id),
    language: text("language").notNull().default("id"),
    state: text("state").$type<WaitlistState>().notNull().default("waiting"),
    offeredSlotId: integer("offered_slot_id").references(() => slots.id),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    orderId: uuid("order_id").references(() => orders.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live wait per chat and date; a finished one (booked, expired, cancelled) may be followed by a new one.
    uniqueIndex("waitlist_chat_date_live_key").on(t.chatId, t.branchId, t.serviceDate).where(sql`${t.state} in ('waiting','offered')`),
    index("waitlist_date_queue_idx").on(t.branchId, t.serviceDate, t.createdAt, t.id).where(sql`${t.state} = 'waiting'`),
    index("waitlist_offer_idx").on(t.serviceDate, t.offeredSlotId).where(sql`${t.state} = 'offered'`),
    check("waitlist_state", sql`${t.state} in ('waiting','offered','booked','expired','cancelled')`),
    check("waitlist_offer_complete", sql`${t.state} <> 'offered' or (${t.offeredSlotId} is not null and ${t.offerExpiresAt} is not null)`),
  ],
);
export type WaitlistEntry = typeof waitlist.$inferSelect;

/**
 * Parts on the shelf, per device model and part. A price with no row here is untracked (never refused).
 * Reserved units are not stored: they are the live orders of that device and part (not cancelled, not
 * completed, holding their place), so a cancelled or expired order gives its unit back by itself.
 * Completing a repair takes the unit off `on_hand`.
 */
export const partStock = pgTable(
  "part_stock",
  {
    branchId: branchColumn(),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    partId: integer("part_id")
      .notNull()
      .references(() => parts.id),
    onHand: integer("on_hand").notNull().default(0),
    /** Staff hear once when the units left (on hand minus reserved) drop to this or below. */
    lowAt: integer("low_at").notNull().default(1),
    /** Days to get the part when none is left ("inden, X hari"); null: no back-order, the part is not offered. */
    backorderDays: integer("backorder_days"),
    /** When the low-stock alert went out; cleared once a receipt or a count brings the units left above low_at. */
    lowAlertSentAt: timestamp("low_alert_sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.deviceId, t.partId] }),
    check("part_stock_on_hand_non_negative", sql`${t.onHand} >= 0`),
    check("part_stock_low_at_non_negative", sql`${t.lowAt} >= 0`),
    check("part_stock_backorder_days", sql`${t.backorderDays} between 1 and 365`),
  ],
);
export type PartStock = typeof partStock.$inferSelect;

/** Which branches a staff member works for: they see and act on those branches' orders only (the owner sees all). */
export const adminBranches = pgTable(
  "admin_branches",
  {
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id),
    branchId: integer("branch_id")
      .notNull()
      .references(() => branches.id),
  },
  (t) => [primaryKey({ columns: [t.adminId, t.branchId] }), index("admin_branches_branch_idx").on(t.branchId)],
);
export type AdminBranch = typeof adminBranches.$inferSelect;

/** A branch's own price of a device and part; without a row the branch charges the shared catalog's (prices). */
export const branchPrices = pgTable(
  "branch_prices",
  {
    branchId: integer("branch_id")
      .notNull()
      .references(() => branches.id),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    partId: integer("part_id")
      .notNull()
      .references(() => parts.id),
    priceIdr: integer("price_idr").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.deviceId, t.partId] }), check("branch_prices_positive", sql`${t.priceIdr} > 0`)],
);
export type BranchPrice = typeof branchPrices.$inferSelect;
