"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { REPAIR_STATUSES } from "@/db/schema";
import { cancelOrderByShop, changeRepairStatus, recordCashPayment, rescheduleOrder, type OrderActionResult } from "@/lib/admin/order-actions";
import { addOrderNote, MAX_NOTE_LENGTH } from "@/lib/admin/order-notes";
import type { AdminRole } from "@/lib/admin/roles";
import { AdminSessionError, requireAdminAction } from "@/lib/admin/session";
import { formatDateDmy } from "@/lib/booking/calendar";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";
import { closeOrderAttempts } from "@/lib/payments/close-attempts";
import { REPAIR_STATUS_LABEL } from "@/lib/payments/texts";

export type OrderActionState = { status: "idle" } | { status: "ok"; message: string } | { status: "invalid"; errors: string[] };

const orderId = z.string().uuid();

/** Every order action: the session check, the form parsed, the change, the customer's message sent after the answer. */
async function act<T>(
  id: string,
  schema: z.ZodType<T>,
  form: FormData,
  run: (input: T, by: { username: string; ip: string | null; role: AdminRole }) => Promise<OrderActionResult>,
  done: (result: Extract<OrderActionResult, { ok: true }>, input: T) => string,
): Promise<OrderActionState> {
  let by;
  try {
    by = await requireAdminAction();
  } catch (error) {
    if (error instanceof AdminSessionError) return { status: "invalid", errors: [error.message] };
    throw error;
  }
  const parsedId = orderId.safeParse(id);
  const input = schema.safeParse(Object.fromEntries(form));
  if (!parsedId.success || !input.success) return { status: "invalid", errors: ["Isian tidak valid."] };
  const result = await run(input.data, by);
  if (!result.ok) return { status: "invalid", errors: [result.message] };
  afterResponse(sendQueuedMessages);
  // The cancel never waits for Midtrans; what cannot be closed now is retried by the due-work job.
  if (result.order.repairStatus === "cancelled") afterResponse(() => closeOrderAttempts(result.order.id));
  revalidatePath(`/admin/orders/${id}`);
  return { status: "ok", message: done(result, input.data) };
}

export async function moveRepairStatus(id: string, _state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return act(
    id,
    z.object({ status: z.enum(REPAIR_STATUSES) }),
    form,
    async ({ status }, by) => changeRepairStatus(await getDb(), { orderId: id, status, by }),
    (_result, { status }) => `Status perbaikan sekarang "${REPAIR_STATUS_LABEL[status]}"; pelanggan diberi tahu lewat Telegram.`,
  );
}

export async function reschedule(id: string, _state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return act(
    id,
    z.object({
      serviceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      slotId: z.coerce.number().int().positive(),
      override: z.literal("on").optional(),
    }),
    form,
    // The owner-only override is checked in rescheduleOrder, where it is used: staff asking for it are refused.
    async ({ serviceDate, slotId, override }, by) => rescheduleOrder(await getDb(), { orderId: id, serviceDate, slotId, by, override: override === "on" }),
    ({ order }) => `Jadwal dipindah ke ${formatDateDmy(order.serviceDate)}, ${order.slotLabel}; pelanggan diberi tahu.`,
  );
}

export async function cancelOrder(id: string, _state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return act(
    id,
    z.object({ reason: z.string().trim().max(200).default("") }),
    form,
    async ({ reason }, by) => cancelOrderByShop(await getDb(), { orderId: id, reason, by }),
    ({ order }) => (order.needsRefund ? "Pesanan dibatalkan dan ditandai perlu refund." : "Pesanan dibatalkan; slotnya dilepas."),
  );
}

export async function recordCash(id: string, _state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return act(
    id,
    z.object({}),
    form,
    async (_input, by) => recordCashPayment(await getDb(), { orderId: id, by }),
    () => "Pembayaran tunai dicatat; pesanan lunas.",
  );
}

export async function addNote(id: string, _state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return act(
    id,
    z.object({ body: z.string().max(MAX_NOTE_LENGTH * 2).default("") }),
    form,
    async ({ body }, by) => addOrderNote(await getDb(), { orderId: id, body, by }),
    () => "Catatan disimpan.",
  );
}
