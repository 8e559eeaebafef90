"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAdminAction } from "@/lib/admin/admin-action";
import { invalid, ok, type EditResult } from "@/lib/admin/edit-result";
import { runWebhookOp } from "@/lib/telegram/webhook-ops";

async function run(op: "set" | "remove"): Promise<EditResult> {
  return runAdminAction({ ownerOnly: true }, z.object({}), new FormData(), async (_none, by) => {
    const done = await runWebhookOp(op, { actor: by.username, ip: by.ip });
    revalidatePath("/admin/webhooks");
    if (!done) return invalid({ _form: "Telegram menolak permintaan ini; lihat log server untuk alasannya." });
    return ok(op === "set" ? "Webhook dipasang dan perintah bot didaftarkan." : "Webhook dihapus.");
  });
}

export async function setWebhookAction(): Promise<EditResult> {
  return run("set");
}

export async function removeWebhookAction(): Promise<EditResult> {
  return run("remove");
}
