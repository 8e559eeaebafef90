import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";

/**
 * Fills a seeded database with a shop's history, server-side in three
 * INSERT … SELECT statements (about 5 s for 100 000 orders here):
 * - orders spread over the last three years of service dates, about 30 000
 *   returning customers, newer devices more frequent, the
 *   statuses a real history ends in (mostly paid and completed; expired, failed,
 *   refunded and cancelled ones), created up to a week
 *   before their service date;
 * - one Midtrans attempt for every order that got one, with the matching
 *   transaction status (a settled one for each paid order);
 * - the audit entry each booking writes.
 * Only past dates are filled, so the calendar ahead stays bookable for the
 * webhook scenarios (the past is over capacity: 90 orders a day, as if the
 * shop had grown; nothing reads past days' room).
 */

const FIRST_NAMES = ["Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Andi", "Ayu", "Fajar", "Nur", "Eko", "Rina", "Hendra", "Lina", "Joko", "Maya"];
const LAST_NAMES = ["Santoso", "Wijaya", "Pratama", "Lestari", "Saputra", "Hidayat", "Kusuma", "Nugroho", "Sari", "Halim"];
const METHODS = ["bca_va", "bca_va", "bni_va", "bri_va", "echannel", "gopay", "gopay", "shopeepay", "other_qris", "credit_card", "all"];

const pgArray = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`);

export async function generateOrders(db: Database, { count, days = 1095 }: { count: number; days?: number }): Promise<void> {
  await db.execute(sql`
    with items as (
      select row_number() over (order by d.sort, pt.sort) - 1 as n, p.device_id, p.part_id,
             d.name as device_name, pt.name as part_name, p.price_idr
      from prices p join devices d on d.id = p.device_id join parts pt on pt.id = p.part_id),
    item_count as (select count(*)::int as c from items),
    slot_list as (select row_number() over (order by start_time) - 1 as n, id, label from slots),
    slot_count as (select count(*)::int as c from slot_list),
    draws as (
      select g as i, random() as r_status, random() as r_item, random() as r_day, random() as r_lead,
             (random() * 30000)::int as customer
      from generate_series(1, ${count}) as g),
    shaped as (
      select d.*,
        ((now() at time zone 'Asia/Jakarta')::date - 1 - floor(d.r_day * ${days})::int) as service_date,
        case
          when d.r_status < 0.78 then 'paid/completed'
          when d.r_status < 0.80 then 'paid/ready'
          when d.r_status < 0.81 then 'paid/in_progress'
          when d.r_status < 0.90 then 'expired/cancelled'
          when d.r_status < 0.92 then 'failed/cancelled'
          when d.r_status < 0.94 then 'refunded/cancelled'
          when d.r_status < 0.97 then 'unpaid/cancelled'
          else 'paid/received' end as statuses
      from draws d)
    insert into orders (booking_code, status_token, chat_id, telegram_user_id, telegram_username, customer_name,
      language, device_id, part_id, slot_id, device_name, part_name, slot_label, service_date, payment_method,
      payment_status, repair_status, amount_idr, hold_expires_at, paid_at, created_at, updated_at)
    select
      ((s.i::bigint * 7919 + 1234567) % 90000000 + 10000000)::text,
      translate(rtrim(encode(decode(md5(random()::text || s.i::text), 'hex'), 'base64'), '='), '+/', '-_'),
      5550000000 + s.customer, 5550000000 + s.customer,
      lower((${pgArray(FIRST_NAMES)})[1 + s.customer % ${FIRST_NAMES.length}]) || '_' || s.customer,
      (${pgArray(FIRST_NAMES)})[1 + s.customer % ${FIRST_NAMES.length}] || ' ' ||
        (${pgArray(LAST_NAMES)})[1 + (s.customer / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
      case when s.customer % 10 = 0 then 'en' else 'id' end,
      it.device_id, it.part_id, sl.id, it.device_name, it.part_name, sl.label, s.service_date,
      (${pgArray(METHODS)})[1 + (s.i * 31) % ${METHODS.length}],
      split_part(s.statuses, '/', 1), split_part(s.statuses, '/', 2), it.price_idr,
      created + interval '24 hours',
      case when split_part(s.statuses, '/', 1) in ('paid', 'refunded') then created + interval '3 hours' end,
      created, created + interval '1 day'
    from shaped s
    cross join item_count ic cross join slot_count sc
    -- skewed: newer devices come up more often
    join items it on it.n = floor(power(s.r_item, 0.7) * ic.c)::int
    join slot_list sl on sl.n = s.i % sc.c
    cross join lateral (select ((s.service_date + time '09:00') at time zone 'Asia/Jakarta')
      - (s.r_lead * interval '7 days') as created) c`);

  await db.execute(sql`
    insert into payments (order_id, attempt, midtrans_order_id, kind, payment_type, transaction_id,
      transaction_status, fraud_status, gross_amount, expires_at, settled_at, created_at, updated_at)
    select o.id, 1, o.booking_code || '-1', 'snap',
      case when o.payment_method like '%_va' then 'bank_transfer' when o.payment_method = 'all' then 'gopay'
           else o.payment_method end,
      gen_random_uuid()::text,
      case o.payment_status when 'paid' then 'settlement' when 'refunded' then 'refund'
           when 'expired' then 'expire' else 'deny' end,
      'accept', o.amount_idr, o.hold_expires_at,
      case when o.payment_status in ('paid', 'refunded') then o.paid_at end,
      o.created_at, o.updated_at
    from orders o where o.payment_status in ('paid', 'refunded', 'expired', 'failed')
      and not exists (select 1 from payments p where p.order_id = o.id)`);

  await db.execute(sql`
    insert into audit_log (at, actor, entity, entity_id, action, after)
    select o.created_at, 'telegram:' || o.telegram_user_id, 'order', o.id::text, 'order.created',
      jsonb_build_object('bookingCode', o.booking_code, 'serviceDate', o.service_date, 'slot', o.slot_label,
        'device', o.device_name, 'part', o.part_name, 'amountIdr', o.amount_idr, 'paymentMethod', o.payment_method)
    from orders o where not exists (select 1 from audit_log a where a.entity = 'order' and a.entity_id = o.id::text)`);

  await db.execute(sql`analyze`);
}

/** A random sample of status tokens to request, so reads spread over the whole table. */
export async function sampleStatusTokens(db: Database, { count }: { count: number }): Promise<string[]> {
  const rows = await queryRows<{ status_token: string }>(
    db,
    sql`select status_token from orders tablesample bernoulli (5) limit ${count}`,
  );
  return rows.map((row) => row.status_token);
}
