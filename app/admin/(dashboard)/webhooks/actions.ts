"use server";
import { revalidatePath } from "next/cache";
import { AdminSessionError, requireAdminAction } from "@/lib/admin/session";
import { runWebhookOp } from "@/lib/telegram/webhook-ops";

export type WebhookActionState = { status: "idle" } | { status: "ok"; message: string } | { status: "invalid"; errors: string[] };

async function run(op: "set" | "remove"): Promise<WebhookActionState> {
  let by;
  try {
    by = await requireAdminAction({ ownerOnly: true });
  } catch (error) {
    if (error instanceof AdminSessionError) return { status: "invalid", errors: [error.message] };
    throw error;
  }
  const done = await runWebhookOp(op, { actor: by.username, ip: by.ip });
  revalidatePath("/admin/webhooks");
  if (!done) return { status: "invalid", errors: ["Telegram menolak permintaan ini; lihat log server untuk alasannya."] };
  return { status: "ok", message: op === "set" ? "Webhook dipasang dan perintah bot didaftarkan." : "Webhook dihapus." };
}

export async function setWebhookAction(): Promise<WebhookActionState> {
  return run("set");
}

export async function removeWebhookAction(): Promise<WebhookActionState> {
  return run("remove");
}
