// npm run bot:poll – runs the bot by long polling, for a developer with a real token and no public URL.
// The webhook is removed first (Telegram refuses getUpdates while one is set); updates go through the
// same handler as the webhook, so the wizard, the database and the outbox behave exactly alike.
import { pollBotUpdates } from "@/lib/telegram/poll-updates";
import { runCli } from "./run";

runCli(async () => {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log("bot:poll: webhook removed, polling for updates (Ctrl+C to stop).");
  const handled = await pollBotUpdates({ signal: controller.signal });
  console.log(`bot:poll: stopped after ${handled} updates.`);
});
