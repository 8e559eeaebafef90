import type { PaymentMethod, PaymentStatus, RepairStatus } from "@/db/schema";
import type { DateRejection } from "@/lib/booking/calendar";
import type { Language } from "@/lib/notify/messages";
import type { ShopContact } from "@/lib/site/shop-contact";
import { TEXTS_EN } from "./texts-en";
import { TEXTS_ID } from "./texts-id";
import type { WarrantyTexts } from "./texts-warranty";

export type { Language };

/** What a summary of a booking shows, before and after it exists. */
export interface SummaryFacts {
  /** null before Book Now: the code is drawn when the booking is made. */
  bookingCode: string | null;
  amountIdr: number;
  serviceDate: string;
  slotLabel: string;
  deviceName: string;
  partName: string;
  paymentMethod: PaymentMethod;
  phone: string | null;
  faultDescription: string | null;
  photoCount: number;
}

/** What the fault step holds so far. */
export interface FaultSoFar {
  description?: string;
  photoCount: number;
  maxPhotos: number;
}

/** How to pay, when the booking already carries payment instructions (a bank VA issued at booking). */
export interface PaymentInstructions {
  bank: string;
  vaNumber: string;
  amountIdr: number;
  expiresAt: Date;
}

/** Where the customer comes for the repair, from the shop's settings; either part may be missing. */
export interface ShopLocation {
  address?: string;
  mapsUrl?: string;
}

export type DateProblem = DateRejection | "full";

/** The booking being moved, as the reschedule messages name it. */
export interface MovedBooking {
  bookingCode: string;
  serviceDate: string;
  slotLabel: string;
}

/** What the confirmation adds to the summary the customer has just seen. */
export interface ConfirmationFacts extends SummaryFacts {
  bookingCode: string;
  holdExpiresAt: Date | null;
  shopName: string;
  /** A bank VA is being issued: its own message brings the deadline, so the confirmation leaves it out. */
  virtualAccountFollows: boolean;
  /** Where to come, from the shop's settings. */
  location?: ShopLocation;
}

/** One of the chat's open bookings, as listed when the customer does not know its code. */
export interface OpenBooking {
  bookingCode: string;
  serviceDate: string;
  slotLabel: string;
  paymentStatus: PaymentStatus;
  repairStatus: RepairStatus;
}

/** An unpaid booking of the chat, mentioned when /order starts another one. */
export interface UnpaidBooking {
  bookingCode: string;
  statusUrl: string;
}

export type Notice =
  | { kind: "date"; problem: DateProblem; input: string; lastDate: string; horizonDays: number; closedReason?: string }
  | { kind: "use_buttons" }
  | { kind: "text_only" }
  | { kind: "option_unavailable" }
  | { kind: "slot_full"; slotLabel: string }
  | { kind: "date_full"; date: string }
  | { kind: "item_unavailable" }
  | { kind: "part_out_of_stock" }
  /** A back-order booking cannot move before its part arrives (`from`). */
  | { kind: "part_backorder"; from: string; days: number }
  | { kind: "menu_expired" }
  | { kind: "draft_stale" }
  | { kind: "draft_partial" }
  | { kind: "phone"; problem: "format" | "not_own_contact" }
  | { kind: "fault_too_long"; length: number }
  | { kind: "photo_limit" };

/** A booking made at the counter, as its payment link is sent to the customer by WhatsApp. */
export interface PaymentLinkFacts {
  bookingCode: string;
  customerName: string;
  amountIdr: number;
  serviceDate: string;
  slotLabel: string;
  shopName: string;
}

/** Every text a customer reads in the bot, per language (DESIGN §5: Indonesian first, the paper's wording). */
export interface BotTexts {
  greeting(name: string, shopName: string): string;
  buttonOrder: string;
  buttonStatus: string;
  buttonBooking: string;
  buttonCancel: string;
  /** Back to the previous step of the wizard, choices kept. */
  buttonBack: string;
  /** Leaves the "enter your booking code" prompt. */
  buttonClosePrompt: string;
  buttonBookNow: string;
  /** Under a full date: wait for a place there ("Daftar tunggu"). */
  buttonJoinWaitlist: string;
  buttonPayNow: string;
  virtualAccountUnavailable(bookingCode: string): string;
  buttonOpenStatus: string;
  buttonCancelBooking: string;
  buttonConfirmCancel: string;
  buttonKeepBooking: string;
  intro(shopName: string): string;
  askDate(firstDate: string, lastDate: string): string;
  askBranch(): string;
  /** A branch's button: its name and the start of its address. */
  branchButton(name: string, address: string): string;
  askDevice(serviceDate: string): string;
  askSlot(serviceDate: string, deviceName: string): string;
  slotButton(label: string, remaining: number): string;
  askPart(deviceName: string): string;
  /** `backorderDays`: the part is ordered in ("inden, 3 hari"). */
  partButton(partName: string, priceIdr: number, backorderDays?: number): string;
  /** The part step's extra choice: a diagnosis at the shop, and its fee when it has one. */
  diagnosisButton(feeIdr: number): string;
  askPhone(): string;
  /** The phone remembered from an earlier booking, offered again. */
  askPhoneRemembered(phone: string): string;
  /** Reply-keyboard button that shares the customer's own contact. */
  buttonSharePhone: string;
  buttonUsePhone(phone: string): string;
  buttonChangePhone: string;
  /** The phone is taken (the reply keyboard goes with this message); counter bookings found under it are named. */
  phoneSaved(phone: string, linkedCodes: string[]): string;
  askFault(soFar: FaultSoFar): string;
  buttonSkip: string;
  buttonDone: string;
  askPayment(): string;
  paymentMethod(method: PaymentMethod): string;
  summary(facts: SummaryFacts): string;
  /** The summary once booked: its facts stay, the code follows in the confirmation. */
  booked(facts: SummaryFacts): string;
  confirmation(facts: ConfirmationFacts, statusUrl: string, payment?: PaymentInstructions): string;
  /** Said before a new /order while the chat still has unpaid bookings (it may still book). */
  unpaidReminder(bookings: UnpaidBooking[]): string;
  alreadyBooked(bookingCode: string): string;
  /** Book Now refused while the chat holds this many unpaid bookings; names them and points to /status. */
  tooManyUnpaid(bookingCodes: string[]): string;
  notice(notice: Notice): string;
  /** After a wrong date: the short line that asks again (the date prompt with its buttons is just above). */
  retypeDate: string;
  /** /cancel or Cancel during the wizard: the form stops, bookings already made stay. */
  wizardCancelled: string;
  /** Batal on the booking-code prompt. */
  statusPromptClosed: string;
  nothingToCancel: string;
  idleHint: string;
  unknownCommand: string;
  privateOnly(botUsername: string): string;
  catalogTitle(shopName: string): string;
  catalogEmpty: string;
  askStatusCode: string;
  statusBadFormat: string;
  /** Text that is not a code at the code prompt ("lupa kode"): the chat's open bookings, each with a button. */
  openBookings(bookings: OpenBooking[]): string;
  noOpenBookings: string;
  statusNotFound(code: string): string;
  statusRateLimited(minutes: number): string;
  statusSummary(facts: SummaryFacts & { paymentStatus: PaymentStatus; repairStatus: RepairStatus }, statusUrl: string): string;
  cancelBookingConfirm(code: string): string;
  bookingCancelled(code: string): string;
  cancelNotAllowed(code: string): string;
  /** A paid booking is cancelled by the shop: how to reach it (WhatsApp link and phone when the owner set one). */
  cancelPaidContact(code: string, contact: ShopContact): string;
  buttonReschedule: string;
  /** The reschedule flow's first menu: the booking's current date and slot, the next open days as buttons, or type one. */
  rescheduleAskDate(booking: MovedBooking, firstDate: string, lastDate: string): string;
  /** A day button: "Sen 07/12". */
  dateButton(date: string): string;
  rescheduleAskSlot(bookingCode: string, serviceDate: string): string;
  rescheduleConfirm(booking: MovedBooking, to: { serviceDate: string; slotLabel: string }): string;
  buttonConfirmReschedule: string;
  rescheduleDone(booking: MovedBooking): string;
  /** A second tap on the confirm button after the move was made. */
  rescheduleAlready(bookingCode: string): string;
  rescheduleCancelled(bookingCode: string): string;
  rescheduleRefused(bookingCode: string, reason: "too_late" | "not_movable" | "hold_lapsed", cutoffHours: number): string;
  /** /bahasa: which language, with a button each. */
  languagePrompt: string;
  /** Said in the newly chosen language. */
  languageChanged: string;
  /** The button (under /help and /bahasa) that switches to this language, named in it. */
  languageButton: string;
  apology: string;
  /** The WhatsApp message staff send with the status/pay page of an order made at the counter. */
  paymentLinkMessage(facts: PaymentLinkFacts, statusUrl: string): string;
  commands: { command: string; description: string }[];
  warranty: WarrantyTexts;
}

const BY_LANGUAGE: Record<Language, BotTexts> = { id: TEXTS_ID, en: TEXTS_EN };

export function textsFor(language: Language): BotTexts {
  return BY_LANGUAGE[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === "id" || value === "en";
}

/** English for users whose Telegram is in English, Indonesian otherwise. */
export function languageOf(languageCode: string | undefined | null): Language {
  return languageCode?.toLowerCase().startsWith("en") ? "en" : "id";
}
