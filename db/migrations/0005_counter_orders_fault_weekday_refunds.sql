CREATE TABLE "refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"payment_id" uuid,
	"via" text NOT NULL,
	"refund_key" text NOT NULL,
	"amount_idr" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"actor" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_idr" > 0)
);
--> statement-breakpoint
CREATE TABLE "slot_weekday_capacity" (
	"slot_id" integer NOT NULL,
	"weekday" integer NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "slot_weekday_capacity_slot_id_weekday_pk" PRIMARY KEY("slot_id","weekday"),
	CONSTRAINT "slot_weekday_capacity_weekday" CHECK ("slot_weekday_capacity"."weekday" between 0 and 6),
	CONSTRAINT "slot_weekday_capacity_non_negative" CHECK ("slot_weekday_capacity"."capacity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_amount_positive";--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "chat_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "part_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_phone" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fault_description" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fault_photos" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source" text DEFAULT 'bot' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_weekday_capacity" ADD CONSTRAINT "slot_weekday_capacity_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_refund_key" ON "refunds" USING btree ("refund_key");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_phone_idx" ON "orders" USING btree ("customer_phone");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_amount_not_negative" CHECK ("orders"."amount_idr" >= 0);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fault_description_length" CHECK (char_length("orders"."fault_description") <= 500);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fault_photos_count" CHECK (jsonb_array_length("orders"."fault_photos") <= 3);