CREATE TABLE "leaver_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leaver_systems" ADD CONSTRAINT "leaver_systems_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leaver_systems_key_idx" ON "leaver_systems" USING btree ("school_id","key");--> statement-breakpoint
-- Ticks were stored by the position of the three fixed systems; they now name the system's key.
UPDATE "leaver_checks" SET "item_key" = CASE "item_key"
  WHEN 'logon:0' THEN 'logon:email' WHEN 'logon:1' THEN 'logon:network' WHEN 'logon:2' THEN 'logon:mis' END
WHERE "item_key" IN ('logon:0', 'logon:1', 'logon:2');
