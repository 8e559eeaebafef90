import { randomBytes, randomInt } from "node:crypto";

/** 8 random digits, never starting with 0 so it reads and types as a number. */
export function generateBookingCode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

/** 128 random bits, url-safe: the status page's capability. */
export function generateStatusToken(): string {
  return randomBytes(16).toString("base64url");
}

/** A short url-safe id that fits a Telegram start payload (≤ 64 chars of A-Z a-z 0-9 _ -). */
export function generateDraftId(): string {
  return randomBytes(9).toString("base64url");
}

export const BOOKING_CODE_PATTERN = /^[1-9][0-9]{7}$/;
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
