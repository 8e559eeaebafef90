import { getEnv } from "@/lib/env";
import { scopedState } from "../scoped-state";

/**
 * The Midtrans stand-in's transactions, in memory (one `next start` process;
 * see the Telegram store). Each Snap token or Core charge is one transaction,
 * keyed by the merchant's order_id, as Midtrans keys them. Tests run the same
 * handlers on a state of their own (withMidtransState), one per stand-in.
 */

export type MethodId = "bca_va" | "bni_va" | "bri_va" | "permata_va" | "echannel" | "gopay" | "shopeepay" | "other_qris" | "credit_card";

export interface PlaygroundTransaction {
  order_id: string;
  gross_amount: number;
  transaction_id: string;
  kind: "snap" | "core";
  /** Undefined while a Snap transaction has no method chosen (its Status API answers 404 then). */
  transaction_status?: string;
  fraud_status?: string;
  payment_type?: string;
  method?: MethodId;
  transaction_time?: string;
  settlement_time?: string;
  expiry_time?: string;
  /** When the transaction stops being payable (epoch ms). */
  expiresAt: number;
  va_numbers?: { bank: string; va_number: string }[];
  permata_va_number?: string;
  bill_key?: string;
  biller_code?: string;
  token?: string;
  enabledPayments: MethodId[];
  customerName?: string;
  items: { name: string; price: number; quantity: number }[];
  /** refund_key → the refund answer given (lib/playground/midtrans/refund.ts). */
  refunds?: Map<string, Record<string, unknown>>;
  /** Overrides the status_code Midtrans would give transaction_status (an inconsistent answer, for tests). */
  status_code?: string;
  /** The request body that created it. */
  request?: Record<string, unknown>;
  /** Where Snap's page sends the customer back to (callbacks.finish). */
  finishUrl?: string;
  createdAt: number;
}

export interface NotificationRecord {
  id: number;
  at: number;
  order_id: string;
  transaction_status: string;
  duplicate: boolean;
  /** The app's HTTP answer, or undefined when it could not be reached. */
  httpStatus?: number;
  error?: string;
}

/** The merchant's keys and where Midtrans points; the playground's come from the environment. */
export interface MidtransSetup {
  serverKey: string;
  /** Where the API is served: Snap's redirect_url is <base>/snap/v2/vtweb/<token>. */
  baseUrl: string;
  /** Where notifications go; none are sent while it is unset. */
  notificationUrl?: string;
  /** Midtrans notifies on its own after a charge, a cancel, an expiry or a refund; a test stand-in only when told. */
  notifiesOnItsOwn: boolean;
}

export interface MidtransState {
  setup?: MidtransSetup;
  transactions: Map<string, PlaygroundTransaction>;
  byToken: Map<string, string>;
  notifications: NotificationRecord[];
  counter: number;
}

export function createMidtransState(setup?: MidtransSetup): MidtransState {
  return { ...(setup ? { setup } : {}), transactions: new Map(), byToken: new Map(), notifications: [], counter: 0 };
}

const scoped = scopedState("__jiotPlaygroundMidtrans", () => createMidtransState());

/** The state the current request runs on: its own (withMidtransState), else the playground's. */
export const midtransState = (): MidtransState => scoped.current();
export const withMidtransState = <T>(own: MidtransState, run: () => T): T => scoped.run(own, run);

export function midtransSetup(): MidtransSetup {
  const own = midtransState().setup;
  if (own) return own;
  const env = getEnv();
  return {
    serverKey: env.MIDTRANS_SERVER_KEY ?? "",
    baseUrl: `${env.APP_URL}/playground/midtrans`,
    notificationUrl: `${env.APP_URL}/api/midtrans/notification`,
    notifiesOnItsOwn: true,
  };
}

export function resetPlaygroundMidtrans(): void {
  scoped.replace();
}

export function nextCounter(): number {
  return ++midtransState().counter;
}

export function findTransaction(orderId: string): PlaygroundTransaction | undefined {
  return midtransState().transactions.get(orderId);
}

export function findByToken(token: string): PlaygroundTransaction | undefined {
  const orderId = midtransState().byToken.get(token);
  return orderId ? findTransaction(orderId) : undefined;
}

export function listTransactions(): PlaygroundTransaction[] {
  return [...midtransState().transactions.values()].sort((a, b) => b.createdAt - a.createdAt);
}
