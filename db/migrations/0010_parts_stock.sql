CREATE TABLE "part_stock" (
	"device_id" integer NOT NULL,
	"part_id" integer NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"low_at" integer DEFAULT 1 NOT NULL,
	"backorder_days" integer,
	"low_alert_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "part_stock_device_id_part_id_pk" PRIMARY KEY("device_id","part_id"),
	CONSTRAINT "part_stock_on_hand_non_negative" CHECK ("part_stock"."on_hand" >= 0),
	CONSTRAINT "part_stock_low_at_non_negative" CHECK ("part_stock"."low_at" >= 0),
	CONSTRAINT "part_stock_backorder_days" CHECK ("part_stock"."backorder_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "part_stock" ADD CONSTRAINT "part_stock_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_stock" ADD CONSTRAINT "part_stock_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_live_part_idx" ON "orders" USING btree ("device_id","part_id") WHERE "orders"."part_id" is not null and "orders"."repair_status" not in ('completed', 'cancelled');