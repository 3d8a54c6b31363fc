CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"source" text NOT NULL,
	"certificate_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"validity_months" integer,
	"required_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"evidence" text DEFAULT 'certificate' NOT NULL,
	"due_within_days" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_reminders" (
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"step" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "training_reminders_person_id_course_id_step_pk" PRIMARY KEY("person_id","course_id","step")
);
--> statement-breakpoint
CREATE TABLE "training_withdrawals" (
	"completion_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_certificate_id_training_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."training_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_withdrawals" ADD CONSTRAINT "training_withdrawals_completion_id_training_completions_id_fk" FOREIGN KEY ("completion_id") REFERENCES "public"."training_completions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_withdrawals" ADD CONSTRAINT "training_withdrawals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_withdrawals" ADD CONSTRAINT "training_withdrawals_withdrawn_by_people_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_certificates_person_idx" ON "training_certificates" USING btree ("school_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_once_idx" ON "training_completions" USING btree ("school_id","person_id","course_id","completed_on");--> statement-breakpoint
CREATE INDEX "training_completions_course_idx" ON "training_completions" USING btree ("school_id","course_id","person_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_key_idx" ON "training_courses" USING btree ("school_id","key");--> statement-breakpoint
CREATE INDEX "training_withdrawals_school_idx" ON "training_withdrawals" USING btree ("school_id");--> statement-breakpoint
-- Evidence: a completion, its withdrawal and a certificate are kept as written (decision 020).
CREATE TRIGGER training_completions_insert_only BEFORE UPDATE OR DELETE ON training_completions
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER training_withdrawals_insert_only BEFORE UPDATE OR DELETE ON training_withdrawals
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER training_certificates_insert_only BEFORE UPDATE OR DELETE ON training_certificates
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
-- Schools that exist already get the default courses (new schools get them when they are set up).
-- Induction then applies to those who start from today (training/coverage.ts mustTake).
INSERT INTO training_courses (school_id, key, name, description, validity_months, required_kinds, required_roles, evidence, due_within_days, position, created_at)
SELECT s.id, c.key, c.name, c.description, c.validity_months, c.required_kinds, c.required_roles, c.evidence, c.due_within_days, c.position, now()
FROM schools s CROSS JOIN (VALUES
  ('online_safety', 'Online safety', 'How pupils can come to harm online, what the school''s filtering and monitoring can and cannot catch, and how to pass on a worry.', 12, ARRAY['staff','supply','student_teacher'], ARRAY[]::text[], 'certificate', NULL::int, 0),
  ('safeguarding_update', 'Annual safeguarding update', 'This year''s changes to statutory guidance and to the school''s own procedures, usually given at the first INSET of the year.', 12, ARRAY['staff','supply','student_teacher','volunteer'], ARRAY[]::text[], 'attendance', NULL, 1),
  ('dsl_training', 'Designated safeguarding lead training', 'The full course for the designated safeguarding lead and their deputies, with the local safeguarding partnership''s arrangements.', 24, ARRAY[]::text[], ARRAY['dsl','deputy_dsl'], 'certificate', NULL, 2),
  ('prevent', 'Prevent awareness', 'Spotting when someone may be drawn into terrorism or extremism, and the referral route the school follows.', 24, ARRAY['staff','supply','student_teacher'], ARRAY[]::text[], 'certificate', NULL, 3),
  ('data_protection', 'Data protection', 'Handling personal data about pupils, families and colleagues safely, and what to do at once if it goes astray.', 24, ARRAY['staff','supply','student_teacher'], ARRAY[]::text[], 'certificate', NULL, 4),
  ('filtering_monitoring', 'Filtering and monitoring', 'For the leaders responsible for them: what the school''s filtering blocks, what monitoring reports, and how the yearly review is run.', 12, ARRAY[]::text[], ARRAY['headteacher','online_safety_lead','network_manager'], 'certificate', NULL, 5),
  ('induction', 'Induction for new starters', 'The school''s safeguarding and online-safety induction: who the safeguarding leads are, the staff code of conduct and acceptable use.', NULL, ARRAY['staff','supply','student_teacher','volunteer'], ARRAY[]::text[], 'attendance', 14, 6)
) AS c(key, name, description, validity_months, required_kinds, required_roles, evidence, due_within_days, position)
ON CONFLICT DO NOTHING;
