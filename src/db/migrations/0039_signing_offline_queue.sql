ALTER TABLE "kiosks" ADD COLUMN "offline_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "idempotency_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_idempotency_idx" ON "signatures" USING btree ("school_id","idempotency_key");