CREATE TABLE "online_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"personal_data" text DEFAULT '' NOT NULL,
	"approved_by" uuid,
	"review_on" date,
	"dpo_view" text,
	"request_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permission_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"details" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"approver_roles" text[] NOT NULL,
	"made_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"conditions" text,
	"valid_until" date,
	"text" text,
	"author_id" uuid,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_follow_ups" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"last_chased_on" date,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "request_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"approver_roles" text[] NOT NULL,
	"questions" jsonb NOT NULL,
	"follow_up" text,
	"register" text,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"handle" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"administrator_ids" uuid[] NOT NULL,
	"approved_by" uuid,
	"last_reviewed_on" date,
	"request_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "online_services" ADD CONSTRAINT "online_services_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_services" ADD CONSTRAINT "online_services_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_services" ADD CONSTRAINT "online_services_request_id_permission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."permission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permission_requests" ADD CONSTRAINT "permission_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permission_requests" ADD CONSTRAINT "permission_requests_type_id_request_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."request_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permission_requests" ADD CONSTRAINT "permission_requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_entries" ADD CONSTRAINT "request_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_entries" ADD CONSTRAINT "request_entries_request_id_permission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."permission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_entries" ADD CONSTRAINT "request_entries_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_follow_ups" ADD CONSTRAINT "request_follow_ups_request_id_permission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."permission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_follow_ups" ADD CONSTRAINT "request_follow_ups_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_follow_ups" ADD CONSTRAINT "request_follow_ups_confirmed_by_people_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_request_id_permission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."permission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "online_services_school_idx" ON "online_services" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "permission_requests_requester_idx" ON "permission_requests" USING btree ("school_id","requester_id");--> statement-breakpoint
CREATE INDEX "permission_requests_made_idx" ON "permission_requests" USING btree ("school_id","made_at");--> statement-breakpoint
CREATE INDEX "request_entries_request_idx" ON "request_entries" USING btree ("school_id","request_id","at");--> statement-breakpoint
CREATE INDEX "request_follow_ups_open_idx" ON "request_follow_ups" USING btree ("school_id","due_on") WHERE confirmed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "request_types_key_idx" ON "request_types" USING btree ("school_id","key");--> statement-breakpoint
CREATE INDEX "social_accounts_school_idx" ON "social_accounts" USING btree ("school_id","platform");
--> statement-breakpoint
-- Evidence: a request as made, and every decision and reply on it, are kept as written.
CREATE TRIGGER permission_requests_insert_only BEFORE UPDATE OR DELETE ON permission_requests
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER request_entries_insert_only BEFORE UPDATE OR DELETE ON request_entries
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
