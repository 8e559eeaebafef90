// Staff alerts (issue 14): a staff group links itself with the owner's one-time
// code, then hears about each booking, payment, cancellation, reschedule,
// expired hold and refund due — through the outbox, once, after the customer.
import { and, eq, like } from "drizzle-orm";
import { listStaffChatBranches, listStaffChats, listStaffChatsOf } from "@/db/queries/staff-chats";
import { auditLog, branches, FIRST_BRANCH_ID, outbox, slots, type Order } from "@/db/schema";
import { createBooking } from "@/lib/booking/create-booking";
import { addDepokBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { cancelOrderByShop, recordCashPayment, rescheduleOrder } from "@/lib/admin/order-actions";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { createStaffLinkCode, STAFF_CODE_WRONG_TRIES, unlinkStaffChat } from "@/lib/notify/staff-link-code";
import { expireOrder } from "@/lib/payments/expire-holds";
import { walkWizard } from "@/tests/support/bot-flows";
import { bookOrder, customerBooking } from "@/tests/support/payment-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const OWNER = { username: "sari", ip: null };
const STAFF_GROUP = -1001234567890;
const DEPOK_GROUP = -1009876543210;
const suite = registerSuiteDatabase({ poolMax: 10, bot: true });

const groupMember = (id = 7001) => new TelegramCustomer(suite.tg, { id, firstName: "Rina", username: "rina_staf" }, { id: STAFF_GROUP, type: "supergroup", title: "Staf Jiot" });

async function linkStaffGroup(): Promise<void> {
  const { code } = await createStaffLinkCode(suite.db, OWNER);
  expect((await groupMember().send(`/staff@${suite.tg.bot.username} ${code}`)).status).toBe(200);
  expect(await listStaffChats(suite.db)).toEqual([STAFF_GROUP]);
}

const staffRows = () => suite.db.select().from(outbox).where(like(outbox.dedupeKey, `staff:${STAFF_GROUP}:%`)).orderBy(outbox.id);
const staffTexts = async () => (await staffRows()).map((row) => String(row.payload.params.text));

describe("linking a staff chat with /staff <code>", () => {
  it("the owner's code links the group once and is used up; the group is told", async () => {
    const { code } = await createStaffLinkCode(suite.db, OWNER);
    const member = groupMember();
    await member.send(`/staff@${suite.tg.bot.username} ${code.toLowerCase().slice(0, 4)}-${code.slice(4)}`);
    expect(await listStaffChats(suite.db)).toEqual([STAFF_GROUP]);
    expect(member.lastMessage().text).toMatch(/^✅ Chat ini sekarang menerima pemberitahuan toko: booking baru, /);
    const other = new TelegramCustomer(suite.tg, { id: 7002, firstName: "Eko" });
    await other.send(`/staff ${code}`);
    expect(other.lastMessage().text).toMatch(/^Tidak ada kode staf yang berlaku/);
    expect(await listStaffChats(suite.db)).toEqual([STAFF_GROUP]);
  });

  it(`${STAFF_CODE_WRONG_TRIES} wrong codes void it: the right one is refused afterwards`, async () => {
    const { code } = await createStaffLinkCode(suite.db, OWNER);
    const guesser = new TelegramCustomer(suite.tg, { id: 7003, firstName: "Tamu" });
    for (let i = 0; i < STAFF_CODE_WRONG_TRIES; i++) await guesser.send(`/staff AAAA${i}BBB`);
    await guesser.send(`/staff ${code}`);
    expect(guesser.lastMessage().text).toMatch(/^Tidak ada kode staf yang berlaku/);
    expect(await listStaffChats(suite.db)).toEqual([]);
  });

  it("many chats sending the code at once: exactly one is linked", async () => {
    const { code } = await createStaffLinkCode(suite.db, OWNER);
    const chats = Array.from({ length: 8 }, (_, i) => new TelegramCustomer(suite.tg, { id: 7100 + i, firstName: `Staf ${i}` }));
    const answers = await Promise.all(chats.map((c) => c.send(`/staff ${code}`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await listStaffChats(suite.db)).toHaveLength(1);
  });

  it("an expired code links nothing", async () => {
    const { code } = await createStaffLinkCode(suite.db, OWNER, new Date(Date.now() - 31 * 60_000));
    await groupMember().send(`/staff ${code}`);
    expect(await listStaffChats(suite.db)).toEqual([]);
  });

  it("with two branches the reply names what the chat hears: one branch's code 'untuk Cabang Depok', the whole shop's 'untuk semua cabang'", async () => {
    const depok = await addDepokBranch(suite.db);
    const depokStaff = new TelegramCustomer(suite.tg, { id: 7201, firstName: "Dodi" }, { id: DEPOK_GROUP, type: "group", title: "Staf Depok" });
    await depokStaff.send(`/staff ${(await createStaffLinkCode(suite.db, OWNER, new Date(), depok.branchId)).code}`);
    expect(depokStaff.lastMessage().text).toMatch(/^✅ Chat ini sekarang menerima pemberitahuan toko untuk Cabang Depok: booking baru, /);
    const member = groupMember();
    await member.send(`/staff ${(await createStaffLinkCode(suite.db, OWNER)).code}`);
    expect(member.lastMessage().text).toMatch(/^✅ Chat ini sekarang menerima pemberitahuan toko untuk semua cabang: booking baru, /);
    await member.send(`/staff ${(await createStaffLinkCode(suite.db, OWNER)).code}`);
    expect(member.lastMessage().text).toBe("Chat ini sudah menerima pemberitahuan toko untuk semua cabang.");
  });

  it("re-linked to another branch, then to the whole shop: each audited with the old and new scope; the used code, sent again or replayed, changes nothing", async () => {
    const depok = await addDepokBranch(suite.db);
    const member = groupMember();
    await member.send(`/staff ${(await createStaffLinkCode(suite.db, OWNER, new Date(), FIRST_BRANCH_ID)).code}`);
    const toDepok = member.textUpdate(`/staff ${(await createStaffLinkCode(suite.db, OWNER, new Date(), depok.branchId)).code}`);
    expect((await postUpdate(toDepok)).status).toBe(200);
    const [first] = await suite.db.select().from(branches).where(eq(branches.id, FIRST_BRANCH_ID));
    expect(member.lastMessage().text).toMatch(new RegExp(`^✅ Chat ini sekarang menerima pemberitahuan toko untuk Cabang Depok \\(sebelumnya ${first!.name}\\): booking baru, `));
    expect(await listStaffChatBranches(suite.db)).toEqual(new Map([[STAFF_GROUP, depok.branchId]]));
    const { code: shopCode } = await createStaffLinkCode(suite.db, OWNER);
    await member.send(`/staff ${shopCode}`);
    expect(member.lastMessage().text).toMatch(/^✅ Chat ini sekarang menerima pemberitahuan toko untuk semua cabang \(sebelumnya Cabang Depok\): /);
    expect(await listStaffChatBranches(suite.db)).toEqual(new Map());
    const links = await suite.db.select().from(auditLog).where(eq(auditLog.action, "staff_chat.linked")).orderBy(auditLog.id);
    expect(links.map(({ actor, entityId, before, after }) => ({ actor, entityId, before, after }))).toEqual([
      { actor: "telegram:@rina_staf", entityId: String(STAFF_GROUP), before: null, after: { branchId: FIRST_BRANCH_ID } },
      { actor: "telegram:@rina_staf", entityId: String(STAFF_GROUP), before: { branchId: FIRST_BRANCH_ID }, after: { branchId: depok.branchId } },
      { actor: "telegram:@rina_staf", entityId: String(STAFF_GROUP), before: { branchId: depok.branchId }, after: { branchId: null } },
    ]);
    const before = await snapshotTables(suite.db, { except: ["processed_updates"] });
    expect((await postUpdate(toDepok)).status).toBe(200);
    await member.send(`/staff ${shopCode}`);
    expect(member.lastMessage().text).toMatch(/^Tidak ada kode staf yang berlaku/);
    expect(await snapshotTables(suite.db, { except: ["processed_updates"] })).toEqual(before);
  });

  it("other commands in a group still point to a private chat", async () => {
    const member = groupMember();
    await member.send(`/order@${suite.tg.bot.username}`);
    expect(member.lastMessage().text).toMatch(/chat saya secara pribadi/i);
  });
});

describe("what the staff chat hears", () => {
  it("a booking made in the bot: the customer is answered at once; the staff alert waits in the outbox, once, even when the update is replayed", async () => {
    await linkStaffGroup();
    const customer = new TelegramCustomer(suite.tg, { id: 5550401, firstName: "Budi", username: "budi_s" });
    await walkWizard(customer, "summary");
    const bookNow = customer.tapUpdate("Book Now");
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect(customer.botMessages().some((m) => /Booking berhasil/.test(m.text))).toBe(true);
    const texts = await staffTexts();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^🆕 Booking baru · \d{8}\nBudi — Battery, iPhone X\n/);
    expect(texts[0]).toMatch(/\/admin\/orders\/[0-9a-f-]{36}$/);
    expect(suite.tg.chat(STAFF_GROUP).filter((m) => /Booking baru/.test(m.text))).toHaveLength(0);
    await deliverDueMessages();
    await deliverDueMessages();
    expect(suite.tg.chat(STAFF_GROUP).filter((m) => /Booking baru/.test(m.text))).toHaveLength(1);
  });

  it("payment, reschedule, cancellation with refund due, and an expired hold: one alert each", async () => {
    await linkStaffGroup();
    const by = { username: "sari", ip: null };
    const paid = await bookOrder(suite.db, { chatId: 5550402 });
    await recordCashPayment(suite.db, { orderId: paid.id, by });
    const [slot] = await suite.db.select().from(slots).where(eq(slots.active, true)).orderBy(slots.startTime).limit(1);
    await rescheduleOrder(suite.db, { orderId: paid.id, serviceDate: addDays(todayInJakarta(), 3), slotId: slot!.id, by });
    await cancelOrderByShop(suite.db, { orderId: paid.id, reason: "pelanggan minta", by });
    await cancelOrderByShop(suite.db, { orderId: paid.id, reason: "dua kali", by });
    const unpaid: Order = await bookOrder(suite.db, { chatId: 5550403, slotIndex: 1 });
    await expireOrder(suite.db, unpaid, new Date(Date.now() + 48 * 3_600_000));
    const texts = await staffTexts();
    expect(texts.map((t) => t.split(" · ")[0])).toEqual([
      "💰 Pembayaran diterima",
      "🔁 Jadwal dipindah",
      "❌ Pesanan dibatalkan",
      "⚠️ Perlu refund",
      "⌛ Batas bayar habis, slot dilepas",
    ]);
  });

  it("with two branches each alert names the order's branch (staff chats belong to the whole shop, not to a branch)", async () => {
    await linkStaffGroup();
    const depok = await addDepokBranch(suite.db);
    const [first] = await suite.db.select().from(branches).where(eq(branches.id, FIRST_BRANCH_ID));
    const kemang = await bookOrder(suite.db, { chatId: 5550405 });
    const booked = await createBooking(suite.db, customerBooking({ chatId: 5550406, slotId: depok.slotId, serviceDate: addDays(todayInJakarta(), 2) }));
    if (!booked.ok) throw new Error(booked.reason);
    const by = { username: "sari", ip: null };
    await recordCashPayment(suite.db, { orderId: kemang.id, by });
    await cancelOrderByShop(suite.db, { orderId: booked.order.id, reason: "pelanggan minta", by });
    expect((await staffTexts()).map((t) => t.split("\n")[0])).toEqual([
      `💰 Pembayaran diterima · ${kemang.bookingCode} · ${first!.name}`,
      `❌ Pesanan dibatalkan · ${booked.order.bookingCode} · ${DEPOK.name}`,
    ]);
  });

  it("a chat linked with a code for Depok hears Depok's order alerts only; the whole shop's chat hears both", async () => {
    await linkStaffGroup();
    const depok = await addDepokBranch(suite.db);
    const { code } = await createStaffLinkCode(suite.db, OWNER, new Date(), depok.branchId);
    const depokStaff = new TelegramCustomer(suite.tg, { id: 7201, firstName: "Dodi" }, { id: DEPOK_GROUP, type: "group", title: "Staf Depok" });
    await depokStaff.send(`/staff ${code}`);
    expect(await listStaffChats(suite.db)).toEqual([STAFF_GROUP, DEPOK_GROUP]);
    expect(await listStaffChatsOf(suite.db, { branchId: depok.branchId })).toEqual([STAFF_GROUP, DEPOK_GROUP]);
    expect(await listStaffChatsOf(suite.db, { branchId: FIRST_BRANCH_ID })).toEqual([STAFF_GROUP]);
    const by = { username: "sari", ip: null };
    const kemang = await bookOrder(suite.db, { chatId: 5550407 });
    const booked = await createBooking(suite.db, customerBooking({ chatId: 5550408, slotId: depok.slotId, serviceDate: addDays(todayInJakarta(), 2) }));
    if (!booked.ok) throw new Error(booked.reason);
    await recordCashPayment(suite.db, { orderId: kemang.id, by });
    await recordCashPayment(suite.db, { orderId: booked.order.id, by });
    const heard = async (chatId: number) =>
      (await suite.db.select().from(outbox).where(like(outbox.dedupeKey, `staff:${chatId}:order:%`))).map((row) => String(row.payload.params.text).split("\n")[0]);
    expect(await heard(DEPOK_GROUP)).toEqual([`💰 Pembayaran diterima · ${booked.order.bookingCode} · ${DEPOK.name}`]);
    expect(await heard(STAFF_GROUP)).toHaveLength(2);
    // Unlinked, the branch goes with it: a later whole-shop code makes it a whole-shop chat again.
    await unlinkStaffChat(suite.db, { chatId: DEPOK_GROUP }, OWNER);
    expect(await listStaffChatBranches(suite.db)).toEqual(new Map());
  });

  it("without a staff chat nothing extra is queued", async () => {
    await bookOrder(suite.db, { chatId: 5550404 });
    expect(await suite.db.select().from(outbox).where(and(like(outbox.dedupeKey, "staff:%")))).toEqual([]);
  });
});
