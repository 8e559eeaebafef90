ALTER TABLE "admins" ADD COLUMN "technician" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "admins" ADD COLUMN "working_weekdays" smallint DEFAULT 127 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "technician_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_technician_id_admins_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."admins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_live_technician_day_idx" ON "orders" USING btree ("technician_id","service_date") WHERE "orders"."repair_status" <> 'cancelled';--> statement-breakpoint
ALTER TABLE "admins" ADD CONSTRAINT "admins_working_weekdays_week" CHECK ("admins"."working_weekdays" between 0 and 127);--> statement-breakpoint
-- Hand-written (drizzle-kit does not know triggers): who is a technician, and on which weekdays, sets the
-- places of every slot, which instances cache by config_version (0006). Only those columns bump it, so a
-- sign-in or a password change does not empty every instance's cache.
CREATE TRIGGER "admins_technicians_bump_config_version" AFTER UPDATE OF "technician", "working_weekdays", "disabled" ON "admins" FOR EACH ROW WHEN (OLD."technician" IS DISTINCT FROM NEW."technician" OR OLD."working_weekdays" IS DISTINCT FROM NEW."working_weekdays" OR OLD."disabled" IS DISTINCT FROM NEW."disabled") EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "admins_new_technician_bump_config_version" AFTER INSERT ON "admins" FOR EACH ROW WHEN (NEW."technician") EXECUTE FUNCTION "bump_config_version"();
