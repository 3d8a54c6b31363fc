CREATE TABLE "device_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"person_id" uuid,
	"class_name" text,
	"due_date" date,
	"out_at" timestamp with time zone DEFAULT now() NOT NULL,
	"out_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"reminded_on" date
);
--> statement-breakpoint
CREATE TABLE "device_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"by_id" uuid,
	"incident_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"asset_tag" text NOT NULL,
	"type" text NOT NULL,
	"serial" text,
	"make_model" text,
	"encrypted" boolean DEFAULT false NOT NULL,
	"pin_set" boolean DEFAULT false NOT NULL,
	"labelled" boolean DEFAULT false NOT NULL,
	"location" text,
	"status" text DEFAULT 'in_store' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaver_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_allocations" ADD CONSTRAINT "device_allocations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_allocations" ADD CONSTRAINT "device_allocations_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_allocations" ADD CONSTRAINT "device_allocations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_allocations" ADD CONSTRAINT "device_allocations_out_by_people_id_fk" FOREIGN KEY ("out_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_allocations" ADD CONSTRAINT "device_allocations_returned_by_people_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_by_id_people_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_checks" ADD CONSTRAINT "leaver_checks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_checks" ADD CONSTRAINT "leaver_checks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_checks" ADD CONSTRAINT "leaver_checks_done_by_people_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_allocations_open_idx" ON "device_allocations" USING btree ("school_id","device_id") WHERE returned_at IS NULL;--> statement-breakpoint
CREATE INDEX "device_allocations_person_idx" ON "device_allocations" USING btree ("school_id","person_id") WHERE returned_at IS NULL;--> statement-breakpoint
CREATE INDEX "device_allocations_device_idx" ON "device_allocations" USING btree ("device_id","out_at");--> statement-breakpoint
CREATE INDEX "device_events_device_idx" ON "device_events" USING btree ("school_id","device_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_tag_idx" ON "devices" USING btree ("school_id","asset_tag");--> statement-breakpoint
CREATE INDEX "devices_status_idx" ON "devices" USING btree ("school_id","status","asset_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "leaver_checks_item_idx" ON "leaver_checks" USING btree ("school_id","person_id","item_key");
--> statement-breakpoint
-- A device's history is evidence of what happened to it (a lost laptop, a wiped disk): insert-only.
CREATE TRIGGER device_events_insert_only BEFORE UPDATE OR DELETE ON device_events
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
