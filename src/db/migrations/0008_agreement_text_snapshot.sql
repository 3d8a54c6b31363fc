ALTER TABLE "agreements" ADD COLUMN "policy_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "version_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Agreements made before the snapshot columns existed take their policy's current title and version.
UPDATE "agreements" a SET "policy_title" = p.title, "version_number" = v.major || '.' || v.minor
  FROM "policies" p, "policy_versions" v WHERE p.id = a.policy_id AND v.id = a.policy_version_id;
