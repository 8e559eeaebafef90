"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { REPAIR_STATUSES } from "@/db/schema";
import { runAdminAction, type AdminActionState, type SignedInActor } from "@/lib/admin/admin-action";
import { invalid, ok, type EditResult } from "@/lib/admin/edit-result";
import { mayHandleOrderId, ORDER_NOT_FOUND } from "@/lib/admin/branch-scope";
import { cancelOrderByShop, changeRepairStatus, recordCashPayment, rescheduleOrder, type OrderActionResult } from "@/lib/admin/order-actions";
import { addOrderNote, MAX_NOTE_LENGTH } from "@/lib/admin/order-notes";
import { changeOrderTechnician } from "@/lib/admin/order-technician";
import { refundInput, refundOutcome } from "@/lib/admin/refund-form";
import { formatDateDmy } from "@/lib/booking/calendar";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";
import { closeOrderAttempts } from "@/lib/payments/close-attempts";
import { refundOrder } from "@/lib/payments/refund-order";
import { REPAIR_STATUS_LABEL } from "@/lib/payments/texts";

const orderId = z.string().uuid();
const noFields = z.object({});

/** Every order action: the session check, the form parsed, the change, the customer's message sent after the answer. */
async function act<T>(
  id: string,
  schema: z.ZodType<T>,
  form: FormData,
  run: (input: T, by: SignedInActor) => Promise<OrderActionResult>,
  done: (result: Extract<OrderActionResult, { ok: true }>, input: T) => string,
): Promise<EditResult> {
  return runAdminAction({ ownerOnly: false }, noFields, form, async (_none, by) => {
    const parsedId = orderId.safeParse(id);
    const input = schema.safeParse(Object.fromEntries(form));
    if (!parsedId.success || !input.success) return invalid({ _form: "Isian tidak valid." });
    if (!(await mayHandleOrderId(await getDb(), by, parsedId.data))) return invalid({ _form: ORDER_NOT_FOUND });
    const result = await run(input.data, by);
    if (!result.ok) return invalid({ _form: result.message });
    afterResponse(sendQueuedMessages);
    // The cancel never waits for Midtrans; what cannot be closed now is retried by the due-work job.
    if (result.order.repairStatus === "cancelled") afterResponse(() => closeOrderAttempts(result.order.id));
    revalidatePath(`/admin/orders/${id}`);
    return ok(done(result, input.data));
  });
}

export async function moveRepairStatus(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return act(
    id,
    z.object({ status: z.enum(REPAIR_STATUSES) }),
    form,
    async ({ status }, by) => changeRepairStatus(await getDb(), { orderId: id, status, by }),
    (_result, { status }) => `Status perbaikan sekarang "${REPAIR_STATUS_LABEL[status]}"; pelanggan diberi tahu lewat Telegram.`,
  );
}

export async function reschedule(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
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

export async function cancelOrder(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return act(
    id,
    z.object({ reason: z.string().trim().max(200).default("") }),
    form,
    async ({ reason }, by) => cancelOrderByShop(await getDb(), { orderId: id, reason, by }),
    ({ order }) => (order.needsRefund ? "Pesanan dibatalkan dan ditandai perlu refund." : "Pesanan dibatalkan; slotnya dilepas."),
  );
}

export async function recordCash(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return act(
    id,
    z.object({}),
    form,
    async (_input, by) => recordCashPayment(await getDb(), { orderId: id, by }),
    () => "Pembayaran tunai dicatat; pesanan lunas.",
  );
}

export async function addNote(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return act(
    id,
    z.object({ body: z.string().max(MAX_NOTE_LENGTH * 2).default("") }),
    form,
    async ({ body }, by) => addOrderNote(await getDb(), { orderId: id, body, by }),
    () => "Catatan disimpan.",
  );
}

/** Gives the order to another technician on duty that day ("" = nobody yet); a technician may not. */
export async function changeTechnician(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return act(
    id,
    z.object({ technicianId: z.union([z.literal(""), z.coerce.number().int().positive()]) }),
    form,
    async ({ technicianId }, by) => changeOrderTechnician(await getDb(), { orderId: id, technicianId: technicianId === "" ? null : technicianId, by }),
    () => "Teknisi pesanan diganti.",
  );
}

/** The owner gives money back: Midtrans' refund API or recorded as done by hand; the customer is told after the answer. */
export async function refund(id: string, _state: AdminActionState, form: FormData): Promise<EditResult> {
  return runAdminAction({ ownerOnly: true }, refundInput, form, async (input, by) => {
    if (!orderId.safeParse(id).success) return invalid({ _form: "Pesanan tidak dikenal." });
    const outcome = await refundOrder(await getDb(), { orderId: id, ...input, by: { username: by.username, ip: by.ip } });
    afterResponse(sendQueuedMessages);
    revalidatePath(`/admin/orders/${id}`);
    return refundOutcome(outcome);
  });
}
