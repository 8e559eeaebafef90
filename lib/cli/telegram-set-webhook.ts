// npm run telegram:set-webhook [-- --drop-pending-updates] – points the bot at APP_URL/api/telegram/webhook
// with the secret token and registers the command menu (Indonesian and English).
import { getBotWebhookInfo, setBotWebhook } from "@/lib/telegram/webhook-admin";
import { runCli } from "./run";

runCli(async (args) => {
  const unknown = args.filter((a) => a !== "--drop-pending-updates");
  if (unknown.length) {
    console.error(`telegram:set-webhook: unknown argument ${unknown[0]} (only --drop-pending-updates)`);
    return 2;
  }
  const url = await setBotWebhook({ dropPendingUpdates: args.includes("--drop-pending-updates") });
  const info = await getBotWebhookInfo();
  console.log(`telegram:set-webhook: webhook set to ${url}; commands registered (id, en).`);
  console.log(`  pending updates: ${info.pending_update_count}, allowed: ${(info.allowed_updates ?? []).join(", ") || "default"}`);
  if (info.last_error_message) console.log(`  last delivery error: ${info.last_error_message}`);
});
