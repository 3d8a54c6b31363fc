ALTER TABLE "signatures" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_corrects_id_signatures_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signatures_corrects_idx" ON "signatures" USING btree ("corrects_id");