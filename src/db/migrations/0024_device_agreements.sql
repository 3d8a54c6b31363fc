CREATE TABLE "device_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"pupil_agreement_id" uuid,
	"parent_agreement_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_events" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_pupil_agreement_id_agreements_id_fk" FOREIGN KEY ("pupil_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_parent_agreement_id_agreements_id_fk" FOREIGN KEY ("parent_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;