ALTER TABLE "people" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "language" text DEFAULT 'en-GB' NOT NULL;--> statement-breakpoint
-- Schools in Wales write to families in both languages until they choose otherwise (decision 038).
UPDATE "schools" SET "language" = 'bilingual' WHERE "country" = 'wales';