CREATE TABLE "paper_forms" (
	"signature_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"signed_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_forms" ADD CONSTRAINT "paper_forms_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_forms" ADD CONSTRAINT "paper_forms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_forms" ADD CONSTRAINT "paper_forms_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paper_forms_school_idx" ON "paper_forms" USING btree ("school_id");--> statement-breakpoint
-- A recorded paper form is evidence, like the signature it belongs to: insert-only.
CREATE TRIGGER paper_forms_insert_only BEFORE UPDATE OR DELETE ON paper_forms
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
