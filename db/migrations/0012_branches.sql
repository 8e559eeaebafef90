CREATE TABLE "admin_branches" (
	"admin_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	CONSTRAINT "admin_branches_admin_id_branch_id_pk" PRIMARY KEY("admin_id","branch_id")
);
--> statement-breakpoint
CREATE TABLE "branch_prices" (
	"branch_id" integer NOT NULL,
	"device_id" integer NOT NULL,
	"part_id" integer NOT NULL,
	"price_idr" integer NOT NULL,
	CONSTRAINT "branch_prices_branch_id_device_id_part_id_pk" PRIMARY KEY("branch_id","device_id","part_id"),
	CONSTRAINT "branch_prices_positive" CHECK ("branch_prices"."price_idr" > 0)
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"maps_url" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Hand-written: today's shop becomes branch 1, from the shop's settings (the defaults' name when none was saved),
-- before the branch_id columns below (default 1) point at it. Every existing admin works for it.
INSERT INTO "branches" ("id", "name", "address", "phone", "maps_url")
SELECT 1,
  coalesce(nullif((SELECT "value" #>> '{}' FROM "settings" WHERE "key" = 'shopName' AND jsonb_typeof("value") = 'string'), ''), 'Jiot Gadget Solution'),
  coalesce((SELECT "value" #>> '{}' FROM "settings" WHERE "key" = 'address' AND jsonb_typeof("value") = 'string'), ''),
  coalesce((SELECT "value" #>> '{}' FROM "settings" WHERE "key" = 'phone' AND jsonb_typeof("value") = 'string'), ''),
  coalesce((SELECT "value" #>> '{}' FROM "settings" WHERE "key" = 'mapsUrl' AND jsonb_typeof("value") = 'string'), '');--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"branches"', 'id'), 1);--> statement-breakpoint
DROP INDEX "slots_label_key";--> statement-breakpoint
DROP INDEX "waitlist_chat_date_live_key";--> statement-breakpoint
DROP INDEX "waitlist_date_queue_idx";--> statement-breakpoint
ALTER TABLE "part_stock" DROP CONSTRAINT "part_stock_device_id_part_id_pk";--> statement-breakpoint
ALTER TABLE "closed_dates" DROP CONSTRAINT "closed_dates_pkey";--> statement-breakpoint
ALTER TABLE "closed_dates" ADD COLUMN "branch_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "branch_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "part_stock" ADD COLUMN "branch_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "branch_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "branch_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "closed_dates" ADD CONSTRAINT "closed_dates_branch_id_date_pk" PRIMARY KEY("branch_id","date");--> statement-breakpoint
ALTER TABLE "part_stock" ADD CONSTRAINT "part_stock_branch_id_device_id_part_id_pk" PRIMARY KEY("branch_id","device_id","part_id");--> statement-breakpoint
ALTER TABLE "admin_branches" ADD CONSTRAINT "admin_branches_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_branches" ADD CONSTRAINT "admin_branches_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_prices" ADD CONSTRAINT "branch_prices_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_prices" ADD CONSTRAINT "branch_prices_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_prices" ADD CONSTRAINT "branch_prices_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_branches_branch_idx" ON "admin_branches" USING btree ("branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "branches_name_key" ON "branches" USING btree ("name");--> statement-breakpoint
ALTER TABLE "closed_dates" ADD CONSTRAINT "closed_dates_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_stock" ADD CONSTRAINT "part_stock_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist" ADD CONSTRAINT "waitlist_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_branch_service_date_idx" ON "orders" USING btree ("branch_id","service_date");--> statement-breakpoint
CREATE UNIQUE INDEX "slots_branch_label_key" ON "slots" USING btree ("branch_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_chat_date_live_key" ON "waitlist" USING btree ("chat_id","branch_id","service_date") WHERE "waitlist"."state" in ('waiting','offered');--> statement-breakpoint
CREATE INDEX "waitlist_date_queue_idx" ON "waitlist" USING btree ("branch_id","service_date","created_at","id") WHERE "waitlist"."state" = 'waiting';--> statement-breakpoint
INSERT INTO "admin_branches" ("admin_id", "branch_id") SELECT "id", 1 FROM "admins";--> statement-breakpoint
-- Branches, their prices and who works where (a branch's technicians set its slots' places) are config (0006).
CREATE TRIGGER "branches_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "branches" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "branch_prices_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "branch_prices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "admin_branches_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "admin_branches" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();
