import { eq } from "drizzle-orm";
import type { UserFromGetMe } from "telegraf/types";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getBotApi } from "@/lib/telegram/bot-api";

const SETTINGS_KEY = "telegram_bot_identity";

function identityFrom(id: number, username: string, firstName = username): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}

/**
 * Who the bot is, without a getMe on every cold start: the id is the token's
 * prefix and the username comes from TELEGRAM_BOT_USERNAME; when that is not
 * configured, one getMe is made and kept in the settings table for every later
 * instance.
 */
export async function resolveBotIdentity(): Promise<UserFromGetMe> {
  const env = getEnv();
  const token = env.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not configured");
  const id = Number(token.split(":")[0]);
  if (env.TELEGRAM_BOT_USERNAME) return identityFrom(id, env.TELEGRAM_BOT_USERNAME);

  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, SETTINGS_KEY));
  const stored = row?.value as Partial<UserFromGetMe> | undefined;
  if (stored?.id === id && typeof stored.username === "string") return identityFrom(id, stored.username, stored.first_name);

  const me = await getBotApi().getMe();
  const value = { id: me.id, username: me.username, first_name: me.first_name };
  await db.insert(settings).values({ key: SETTINGS_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  return me;
}
