CREATE TABLE "policy_health_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reinstated_by" uuid,
	"reinstated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy_health_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"sentence" text,
	"subject" text,
	"fingerprint" text NOT NULL,
	"position" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "country" text DEFAULT 'england' NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_health_dismissals" ADD CONSTRAINT "policy_health_dismissals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_dismissals" ADD CONSTRAINT "policy_health_dismissals_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_dismissals" ADD CONSTRAINT "policy_health_dismissals_dismissed_by_people_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_dismissals" ADD CONSTRAINT "policy_health_dismissals_reinstated_by_people_id_fk" FOREIGN KEY ("reinstated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_findings" ADD CONSTRAINT "policy_health_findings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_findings" ADD CONSTRAINT "policy_health_findings_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_health_findings" ADD CONSTRAINT "policy_health_findings_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_health_dismissals_open_idx" ON "policy_health_dismissals" USING btree ("policy_id","fingerprint") WHERE reinstated_at IS NULL;--> statement-breakpoint
CREATE INDEX "policy_health_findings_version_idx" ON "policy_health_findings" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "policy_health_findings_school_idx" ON "policy_health_findings" USING btree ("school_id","policy_id");