CREATE TABLE "policy_approval_requests" (
	"school_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_approval_requests_version_id_person_id_pk" PRIMARY KEY("version_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "policy_approval_requests" ADD CONSTRAINT "policy_approval_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_approval_requests" ADD CONSTRAINT "policy_approval_requests_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_approval_requests" ADD CONSTRAINT "policy_approval_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;