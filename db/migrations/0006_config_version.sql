CREATE TABLE "config_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" text NOT NULL
);--> statement-breakpoint
-- Any change to what instances cache (settings, catalog, schedule) gives the row a new value in the same transaction.
CREATE FUNCTION "bump_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "config_version" ("id", "version") VALUES (1, gen_random_uuid()::text)
  ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "settings_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "devices_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "devices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "parts_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "parts" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "prices_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "prices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "slots_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slots" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "slot_weekday_capacity_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slot_weekday_capacity" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
CREATE TRIGGER "closed_dates_bump_config_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "closed_dates" FOR EACH STATEMENT EXECUTE FUNCTION "bump_config_version"();--> statement-breakpoint
INSERT INTO "config_version" ("id", "version") VALUES (1, gen_random_uuid()::text) ON CONFLICT ("id") DO NOTHING;
