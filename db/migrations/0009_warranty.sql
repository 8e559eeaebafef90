ALTER TABLE "orders" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "warranty_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "warranty_of_order_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "warranty_claim_kind" text;--> statement-breakpoint
ALTER TABLE "parts" ADD COLUMN "warranty_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_warranty_of_order_id_orders_id_fk" FOREIGN KEY ("warranty_of_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_open_warranty_claim_key" ON "orders" USING btree ("warranty_of_order_id") WHERE "orders"."warranty_of_order_id" is not null and "orders"."repair_status" not in ('completed', 'cancelled');--> statement-breakpoint
CREATE INDEX "orders_warranty_of_idx" ON "orders" USING btree ("warranty_of_order_id");--> statement-breakpoint
ALTER TABLE "parts" ADD CONSTRAINT "parts_warranty_days" CHECK ("parts"."warranty_days" between 0 and 3650);--> statement-breakpoint
-- Orders completed before this migration: their completion time is the last change we know of.
UPDATE "orders" SET "completed_at" = "updated_at" WHERE "repair_status" = 'completed';
