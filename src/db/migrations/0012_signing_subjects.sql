-- Signing becomes its own module (decision 011): a signature, a parent link, a kiosk and a class
-- session are each *of a subject* that another module owns, named by (subject_type, subject_id).
-- Every existing row is of an agreement: the column is renamed, so every row, every id and every
-- verification reference stays exactly as it was, and every receipt ever issued still verifies.
ALTER TABLE "signatures" DROP CONSTRAINT "signatures_agreement_id_agreements_id_fk";--> statement-breakpoint
ALTER TABLE "signatures" RENAME COLUMN "agreement_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "subject_type" text NOT NULL DEFAULT 'agreement';--> statement-breakpoint
ALTER TABLE "signatures" ALTER COLUMN "subject_type" DROP DEFAULT;--> statement-breakpoint
ALTER INDEX "signatures_agreement_idx" RENAME TO "signatures_subject_idx";--> statement-breakpoint
ALTER TABLE "signing_links" DROP CONSTRAINT "signing_links_agreement_id_agreements_id_fk";--> statement-breakpoint
ALTER TABLE "signing_links" RENAME COLUMN "agreement_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE "signing_links" ADD COLUMN "subject_type" text NOT NULL DEFAULT 'agreement';--> statement-breakpoint
ALTER TABLE "signing_links" ALTER COLUMN "subject_type" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "kiosks" DROP CONSTRAINT "kiosks_agreement_id_agreements_id_fk";--> statement-breakpoint
ALTER TABLE "kiosks" RENAME COLUMN "agreement_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE "kiosks" ADD COLUMN "subject_type" text NOT NULL DEFAULT 'agreement';--> statement-breakpoint
ALTER TABLE "kiosks" ALTER COLUMN "subject_type" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "class_sessions" DROP CONSTRAINT "class_sessions_agreement_id_agreements_id_fk";--> statement-breakpoint
ALTER TABLE "class_sessions" RENAME COLUMN "agreement_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "subject_type" text NOT NULL DEFAULT 'agreement';--> statement-breakpoint
ALTER TABLE "class_sessions" ALTER COLUMN "subject_type" DROP DEFAULT;
