CREATE TABLE "consent_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"carer_id" uuid,
	"method" text NOT NULL,
	"note" text,
	"wording" text NOT NULL,
	"wording_sha256" text NOT NULL,
	"recorded_by" uuid,
	"link_id" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"pupil_ids" uuid[] NOT NULL,
	"allowed" boolean NOT NULL,
	"refused_ids" uuid[] NOT NULL,
	"checked_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"carer_id" uuid NOT NULL,
	"pupil_ids" uuid[] NOT NULL,
	"purpose_keys" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"due_date" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_purposes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"basis" text NOT NULL,
	"justification" text,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_removals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"answer_id" uuid,
	"manager_id" uuid NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"chased_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent_restrictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"restricted" boolean NOT NULL,
	"reason" text,
	"by_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"self_answer_age" integer,
	"ask_new_pupils_since" timestamp with time zone,
	"image_manager_ids" uuid[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_pupil_id_people_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_purpose_id_consent_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."consent_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_carer_id_people_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_checks" ADD CONSTRAINT "consent_checks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_checks" ADD CONSTRAINT "consent_checks_purpose_id_consent_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."consent_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_checks" ADD CONSTRAINT "consent_checks_checked_by_people_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_links" ADD CONSTRAINT "consent_links_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_links" ADD CONSTRAINT "consent_links_carer_id_people_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_purposes" ADD CONSTRAINT "consent_purposes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_removals" ADD CONSTRAINT "consent_removals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_removals" ADD CONSTRAINT "consent_removals_pupil_id_people_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_removals" ADD CONSTRAINT "consent_removals_purpose_id_consent_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."consent_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_removals" ADD CONSTRAINT "consent_removals_answer_id_consent_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."consent_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_removals" ADD CONSTRAINT "consent_removals_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_pupil_id_people_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_by_id_people_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_settings" ADD CONSTRAINT "consent_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_answers_pupil_idx" ON "consent_answers" USING btree ("school_id","pupil_id","purpose_id","answered_at");--> statement-breakpoint
CREATE INDEX "consent_checks_school_idx" ON "consent_checks" USING btree ("school_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_links_token_idx" ON "consent_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "consent_links_carer_idx" ON "consent_links" USING btree ("school_id","carer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_purposes_key_idx" ON "consent_purposes" USING btree ("school_id","key");--> statement-breakpoint
CREATE INDEX "consent_removals_open_idx" ON "consent_removals" USING btree ("school_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "consent_restrictions_pupil_idx" ON "consent_restrictions" USING btree ("school_id","pupil_id","at");
--> statement-breakpoint
-- Consent answers and restrictions are evidence: insert-only. A change of mind is a new row.
CREATE TRIGGER consent_answers_insert_only BEFORE UPDATE OR DELETE ON consent_answers
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_restrictions_insert_only BEFORE UPDATE OR DELETE ON consent_restrictions
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_checks_insert_only BEFORE UPDATE OR DELETE ON consent_checks
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
