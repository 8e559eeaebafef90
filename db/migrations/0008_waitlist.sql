CREATE TABLE "waitlist" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chat_id" bigint NOT NULL,
	"customer_name" text DEFAULT '' NOT NULL,
	"telegram_username" text,
	"service_date" date NOT NULL,
	"device_id" integer,
	"part_id" integer,
	"language" text DEFAULT 'id' NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"offered_slot_id" integer,
	"offer_expires_at" timestamp with time zone,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_state" CHECK ("waitlist"."state" in ('waiting','offered','booked','expired','cancelled')),
	CONSTRAINT "waitlist_offer_complete" CHECK ("waitlist"."state" <> 'offered' or ("waitlist"."offered_slot_id" is not null and "waitlist"."offer_expires_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "waitlist" ADD CONSTRAINT "waitlist_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist" ADD CONSTRAINT "waitlist_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist" ADD CONSTRAINT "waitlist_offered_slot_id_slots_id_fk" FOREIGN KEY ("offered_slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist" ADD CONSTRAINT "waitlist_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_chat_date_live_key" ON "waitlist" USING btree ("chat_id","service_date") WHERE "waitlist"."state" in ('waiting','offered');--> statement-breakpoint
CREATE INDEX "waitlist_date_queue_idx" ON "waitlist" USING btree ("service_date","created_at","id") WHERE "waitlist"."state" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_offer_idx" ON "waitlist" USING btree ("service_date","offered_slot_id") WHERE "waitlist"."state" = 'offered';