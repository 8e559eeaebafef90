-- Custom SQL migration file, put your code below! --
-- signature_key is a hash over the server key: it was stored with each notification (issue 12).
-- Removed wherever it was kept: payments.raw_status, and in audit_log the notification and the
-- Status API answer (after.notification, after.midtrans) or the body itself. The audit log is
-- otherwise append-only; this is the one rewrite of it, and it removes a secret-derived field only.
UPDATE "payments" SET "raw_status" = "raw_status" - 'signature_key'
  WHERE jsonb_typeof("raw_status") = 'object' AND "raw_status" ? 'signature_key';--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" - 'signature_key'
  WHERE jsonb_typeof("after") = 'object' AND "after" ? 'signature_key';--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" #- '{notification,signature_key}'
  WHERE jsonb_typeof("after") = 'object' AND jsonb_typeof("after"->'notification') = 'object' AND "after"->'notification' ? 'signature_key';--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" #- '{midtrans,signature_key}'
  WHERE jsonb_typeof("after") = 'object' AND jsonb_typeof("after"->'midtrans') = 'object' AND "after"->'midtrans' ? 'signature_key';--> statement-breakpoint
UPDATE "audit_log" SET "before" = "before" - 'signature_key'
  WHERE jsonb_typeof("before") = 'object' AND "before" ? 'signature_key';
