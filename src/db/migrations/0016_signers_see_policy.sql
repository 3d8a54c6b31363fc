CREATE TABLE "class_session_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "policy_text" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "text_format" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "short_code_hash" text;--> statement-breakpoint
ALTER TABLE "kiosks" ADD COLUMN "device_name" text;--> statement-breakpoint
ALTER TABLE "class_session_devices" ADD CONSTRAINT "class_session_devices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_session_devices" ADD CONSTRAINT "class_session_devices_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_session_devices_token_idx" ON "class_session_devices" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "class_sessions_short_code_idx" ON "class_sessions" USING btree ("short_code_hash");--> statement-breakpoint
-- Agreements made before signers were shown the policy take their version's text for display.
-- They keep text_format 1: their hash covers the statements only, as it did when people signed.
UPDATE "agreements" a SET "policy_text" = v.content
  FROM "policy_versions" v WHERE v.id = a.policy_version_id AND v.content <> '';
