import { WARRANTY_TEXTS } from "./texts-warranty";
import { formatDateDmy, formatDateLong, formatWibDateTime, weekdayOf } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { labelsFor } from "@/lib/booking/status-labels";
import { repairStatusLine } from "@/lib/notify/messages";
import { branchLabel, shorten } from "./text-format";
import type { ShopContact } from "@/lib/site/shop-contact";
import type { BotTexts, Notice, ShopLocation, SummaryFacts } from "./texts";

const LABELS = labelsFor("en");
const METHODS = LABELS.method;

function lines(f: SummaryFacts): string {
  return [
    `Booking code: ${f.bookingCode ?? "(given when you press Book Now)"}`,
    `Total: ${formatRupiah(f.amountIdr)}`,
    `Date: ${formatDateDmy(f.serviceDate)}`,
    `Time: ${f.slotLabel}`,
    `Device: ${f.deviceName}`,
    `Product: ${f.partName}`,
    `Payment: ${METHODS[f.paymentMethod]}`,
    f.phone && `Phone: ${f.phone}`,
    f.faultDescription && `Problem: ${shorten(f.faultDescription, 80)}`,
    f.photoCount > 0 && `Photos of the fault: ${f.photoCount}`,
  ]
    .filter(Boolean)
    .join("\n");
}

function notice(n: Notice): string {
  switch (n.kind) {
    case "date":
      switch (n.problem) {
        case "format":
          return `"${n.input}" is not a date I can read. Please write it as dd/mm/yyyy, e.g. 01/10/2022.`;
        case "invalid":
          return `${n.input} is not a date in the calendar.`;
        case "past":
          return `${n.input} is in the past.`;
        case "beyond_horizon":
          return `Bookings can be made up to ${n.horizonDays} days ahead (${formatDateDmy(n.lastDate)} at the latest).`;
        case "closed":
          return `Sorry, the shop is closed on ${n.input}${n.closedReason ? ` (${n.closedReason})` : ""}.`;
        case "full":
          return `Sorry, every time slot on ${n.input} is fully booked.`;
      }
      break;
    case "use_buttons":
      return "Please choose with the buttons on the message above.";
    case "text_only":
      return "Sorry, I can only read text messages.";
    case "option_unavailable":
      return "That option is no longer available, please choose again.";
    case "slot_full":
      return `Sorry, ${n.slotLabel} has just been fully booked. Please choose another time.`;
    case "date_full":
      return `Sorry, there is no time slot left on ${formatDateDmy(n.date)}. Please choose another date.`;
    case "item_unavailable":
      return "Sorry, that spare part is no longer available for your device. Please choose again.";
    case "part_out_of_stock":
      return "Sorry, that spare part has just run out of stock. Please choose another one.";
    case "part_backorder":
      return `Sorry, the spare part for this booking is still out of stock (back-order, ${n.days} days), so the earliest date is ${formatDateDmy(n.from)}. Please choose another date.`;
    case "menu_expired":
      return "This menu has expired.";
    case "draft_stale":
      return "The link from the website has expired, please choose again here.";
    case "draft_partial":
      return "Some of your choices from the website are no longer available, please choose again.";
    case "phone":
      return n.problem === "not_own_contact"
        ? "Sorry, only your own number can be shared. Tap \"Share phone number\" or type your number."
        : "That is not a valid phone number. Type an Indonesian mobile number, e.g. 0812 3456 7890.";
    case "fault_too_long":
      return `That description is too long (${n.length} characters, at most 500). Please make it shorter.`;
    case "photo_limit":
      return "Sorry, 3 photos at most. Tap Done to go on.";
  }
}

/** The shop's address and map link under the booking, so the customer knows where to come. */
function whereToCome(location?: ShopLocation): string {
  const lines = [location?.address, location?.mapsUrl && `Map: ${location.mapsUrl}`].filter(Boolean);
  return lines.length ? `📍 Come to the shop at your appointment time:\n${lines.join("\n")}` : "";
}

const SHORT_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** How to reach the shop: WhatsApp and phone when the owner gave a number, else its address. */
function contactLine(contact: ShopContact): string {
  if (contact.whatsappUrl) return `Contact the shop on WhatsApp: ${contact.whatsappUrl} (phone ${contact.phoneDisplay}).`;
  return contact.address ? `Please come to the shop: ${contact.address}.` : "Please contact the shop.";
}

export const TEXTS_EN: BotTexts = {
  greeting: (name, shop) =>
    `Hello ${name}! Welcome to ${shop}.\n\nPlease choose a menu:\n/help - help and menus\n/order - book a repair\n/catalog - devices, spare parts and prices\n/status - check your service status, change its schedule\n/language - change language (Bahasa Indonesia)`,
  buttonOrder: "Order",
  buttonStatus: "Service status",
  buttonBooking: "Booking",
  buttonCancel: "Cancel",
  buttonBack: "‹ Back",
  buttonClosePrompt: "Close",
  buttonBookNow: "Book Now",
  buttonJoinWaitlist: "🔔 Notify me",
  buttonPayNow: "Pay now",
  virtualAccountUnavailable: (code) =>
    `The virtual account for booking ${code} cannot be created right now. Please open the status page and tap Pay now to try again.`,
  buttonOpenStatus: "Open status page",
  buttonCancelBooking: "Cancel booking",
  buttonConfirmCancel: "Yes, cancel it",
  buttonKeepBooking: "No",
  intro: (shop) =>
    `Thank you for choosing ${shop}.\n\nI will ask for the date, your device, the time, the spare part and how you want to pay, then you get a booking code. Press Booking to start.`,
  askDate: (first, last) =>
    `Please enter the booking date, e.g. 01/10/2022\n\n(Dates you can choose: ${formatDateDmy(first)} to ${formatDateDmy(last)})`,
  askBranch: () => "Choose the branch where you want the service:",
  branchButton: (name, address) => branchLabel(name, address),
  askDevice: (date) => `Date: ${formatDateLong(date, "en")}\n\nPlease choose your device:`,
  askSlot: (date, device) => `Date: ${formatDateLong(date, "en")}\nDevice: ${device}\n\nPlease choose a time:`,
  slotButton: (label, remaining) => `At ${label} (${remaining} left)`,
  askPart: (device) => `Please choose the spare part for your ${device}:`,
  partButton: (part, price, days) => `${part} - ${formatRupiah(price)}${days ? ` (back-order, ${days} days)` : ""}`,
  diagnosisButton: (fee) => `Not sure / check first${fee > 0 ? ` - ${formatRupiah(fee)}` : ""}`,
  askPhone: () =>
    "Your phone number, so the shop can reach you: tap \"Share phone number\" below, or type it (e.g. 0812 3456 7890).\n\nType /cancel to stop.",
  askPhoneRemembered: (phone) => `The shop will contact you at ${phone}. Use this number?`,
  buttonSharePhone: "Share phone number",
  buttonUsePhone: (phone) => `Use ${phone}`,
  buttonChangePhone: "Change number",
  phoneSaved: (phone, linked) =>
    [`Phone: ${phone} ✓`, linked.length ? `Bookings made at the shop with this number are now linked to this chat: ${linked.join(", ")}.` : ""]
      .filter(Boolean)
      .join("\n\n"),
  askFault: ({ description, photoCount, maxPhotos }) =>
    [
      "Tell us what is wrong (optional): type a short description (up to 500 characters) and/or send photos (up to 3).",
      description || photoCount
        ? `Problem: ${description ? shorten(description, 200) : "-"}\nPhotos: ${photoCount}/${maxPhotos}\n\nSend more to add photos or replace the description, then tap Done.`
        : "Tap Skip if there is nothing to add.",
    ].join("\n\n"),
  buttonSkip: "Skip",
  buttonDone: "Done",
  askPayment: () => "Please choose a payment method:",
  paymentMethod: (method) => METHODS[method],
  summary: (f) => `Booking summary\n\n${lines(f)}\n\nPress Book Now to make the booking.`,
  booked: (f) => `Booking summary\n\n${lines(f)}\n\n✅ Booking made.`,
  confirmation: (f, url, payment) =>
    [
      `✅ Your booking is confirmed!\n\nBooking code: ${f.bookingCode}\nWhen: ${formatDateLong(f.serviceDate, "en")}, ${f.slotLabel} at ${f.shopName}`,
      f.paymentMethod === "pay_at_shop"
        ? f.amountIdr > 0
          ? `Pay ${formatRupiah(f.amountIdr)} at the counter when you come. Your time is kept for you.`
          : "Nothing to pay now: the repair's price is decided after the check at the shop and paid at the counter."
        : payment
        ? `Please transfer to the ${payment.bank.toUpperCase()} virtual account\nVA number: ${payment.vaNumber}\nAmount: ${formatRupiah(payment.amountIdr)}\nPay before: ${formatWibDateTime(payment.expiresAt)}`
        : f.holdExpiresAt && !f.virtualAccountFollows
          ? `Please pay before ${formatWibDateTime(f.holdExpiresAt)}, or the booking is cancelled automatically.`
          : "",
      whereToCome(f.location),
      f.paymentMethod === "pay_at_shop" ? `Check status: ${url}` : `Pay and check status: ${url}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  unpaidReminder: (bookings) =>
    `You still have ${bookings.length === 1 ? "a booking" : "bookings"} waiting for payment:\n${bookings.map((b) => `• ${b.bookingCode}, pay at ${b.statusUrl}`).join("\n")}\n\nYou can still make a new booking below.`,
  alreadyBooked: (code) => `Your booking has already been made. Booking code: ${code}`,
  tooManyUnpaid: (codes) =>
    `Sorry, no new booking yet: you still have ${codes.length} unpaid ${codes.length === 1 ? "booking" : "bookings"} (${codes.join(", ")}).\n\nPlease pay or cancel ${codes.length === 1 ? "it" : "them"} first with /status, e.g. /status ${codes[0] ?? ""}. Then send /order to book again.`,
  notice,
  retypeDate: "Type another date, e.g. 01/10/2022.",
  wizardCancelled:
    "Form cancelled. Bookings already made are unchanged; to cancel one, send /status with its booking code. Send /order to start again.",
  statusPromptClosed: "OK, status check closed. Send /help to see the menu.",
  nothingToCancel: "Nothing is in progress. Send /order to book a repair.",
  idleHint: "Send /order to book a repair, /status to check a booking, or /help for help.",
  unknownCommand: "Unknown command. Available menus: /help /order /catalog /status",
  privateOnly: (bot) => `Please chat with me privately to book: https://t.me/${bot}`,
  catalogTitle: (shop) => `${shop} service catalog`,
  catalogEmpty: "The catalog is empty right now. Please try again later.",
  askStatusCode: "Please enter your booking code (8 digits), e.g. 62473383",
  statusBadFormat: "A booking code is 8 digits, e.g. 62473383. Please try again.",
  openBookings: (bookings) =>
    `Your open bookings in this chat:\n\n${bookings
      .map((b) => `• ${b.bookingCode}: ${formatDateDmy(b.serviceDate)}, ${b.slotLabel}\n  ${LABELS.payment[b.paymentStatus]}, ${LABELS.repair[b.repairStatus]}`)
      .join("\n")}\n\nTap a code to see its status.`,
  noOpenBookings: "You have no open bookings in this chat. Send /order to book a repair.",
  statusNotFound: (code) => `Booking code ${code} was not found in this chat. Please check your code.`,
  statusRateLimited: (minutes) => `Too many wrong codes. Please try again in ${minutes} minutes.`,
  statusSummary: (f, url) =>
    `Order details\n\n${lines(f)}\n${LABELS.paymentHeading}: ${LABELS.payment[f.paymentStatus]}\n${repairStatusLine(f.repairStatus, "en")}\n\nStatus page: ${url}`,
  cancelBookingConfirm: (code) => `Cancel booking ${code}? Your time slot will be released to other customers.`,
  bookingCancelled: (code) => `Booking ${code} has been cancelled and its time slot released. Send /order to book again.`,
  cancelNotAllowed: (code) => `Booking ${code} can no longer be cancelled (paid, completed or already cancelled). Please contact the shop.`,
  cancelPaidContact: (code, contact) =>
    `Booking ${code} has been paid, so the shop handles its cancellation and refund. ${contactLine(contact)}`,
  buttonReschedule: "Change schedule",
  rescheduleAskDate: (b, first, last) =>
    `Change the schedule of booking ${b.bookingCode}\nNow: ${formatDateLong(b.serviceDate, "en")}, ${b.slotLabel}\n\nChoose a new date, or type it (e.g. 01/10/2022; from ${formatDateDmy(first)} to ${formatDateDmy(last)}):`,
  dateButton: (date) => `${SHORT_DAYS[weekdayOf(date)]} ${formatDateDmy(date).slice(0, 5)}`,
  rescheduleAskSlot: (code, date) => `Change the schedule of booking ${code}\nNew date: ${formatDateLong(date, "en")}\n\nPlease choose a time:`,
  rescheduleConfirm: (b, to) =>
    `Move booking ${b.bookingCode}?\n\nFrom: ${formatDateLong(b.serviceDate, "en")}, ${b.slotLabel}\nTo: ${formatDateLong(to.serviceDate, "en")}, ${to.slotLabel}`,
  buttonConfirmReschedule: "Yes, change it",
  rescheduleDone: (b) => `✅ Booking ${b.bookingCode} has been moved to ${formatDateLong(b.serviceDate, "en")}, ${b.slotLabel}.`,
  rescheduleAlready: (code) => `The schedule of booking ${code} has already been changed.`,
  rescheduleCancelled: (code) => `Schedule change cancelled; booking ${code} keeps its time.`,
  rescheduleRefused: (code, reason, hours) =>
    reason === "too_late"
      ? `Sorry, booking ${code} can only be moved until ${hours} hours before its time. Please contact the shop.`
      : reason === "hold_lapsed"
        ? `The payment time of booking ${code} has run out, so it cannot be moved. Please book again with /order.`
        : `Booking ${code} can no longer be moved (already in the workshop, completed or cancelled).`,
  languagePrompt: "Choose your language / Pilih bahasa:",
  languageChanged: "Language set to English. Send /help to see the menu.",
  languageButton: "🇬🇧 English",
  apology: "Sorry, something went wrong on our side. Please try again in a moment.",
  paymentLinkMessage: (f, url) =>
    `Hello ${f.customerName}, your repair booking at ${f.shopName} is made.\n\nBooking code: ${f.bookingCode}\nAppointment: ${formatDateLong(f.serviceDate, "en")}, ${f.slotLabel}\nTotal: ${formatRupiah(f.amountIdr)}\n\nPay and check the status here: ${url}`,
  commands: [
    { command: "start", description: "Start and show the menu" },
    { command: "help", description: "Help and menus" },
    { command: "order", description: "Book a repair" },
    { command: "catalog", description: "Devices, spare parts and prices" },
    { command: "status", description: "Check a booking by its code" },
    { command: "garansi", description: "Claim a repair's warranty by its booking code" },
    { command: "cancel", description: "Stop filling in a booking (bookings already made: /status)" },
    { command: "language", description: "Change language (Bahasa Indonesia)" },
  ],
  warranty: WARRANTY_TEXTS.en,
};
