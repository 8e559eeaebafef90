import type { TgUser } from "./types";

/** The simulated customers the chat page offers; more can be added from the page. */
export const PRESET_CUSTOMERS: readonly TgUser[] = [
  { id: 5550001, is_bot: false, first_name: "Budi", last_name: "Santoso", username: "budi_s", language_code: "id" },
  { id: 5550002, is_bot: false, first_name: "Siti", last_name: "Rahmawati", username: "siti_rahma", language_code: "id" },
  { id: 5550003, is_bot: false, first_name: "John", last_name: "Carter", username: "johnc", language_code: "en" },
];

export const FIRST_ADDED_CUSTOMER_ID = 5550101;

/** The phone a simulated customer shares with the "share phone" button: 0812 + the user id's last 7 digits. */
export function simulatedPhone(userId: number): string {
  return `62812${String(userId % 10_000_000).padStart(7, "0")}`;
}

export function displayName(user: Pick<TgUser, "first_name" | "last_name">): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}
