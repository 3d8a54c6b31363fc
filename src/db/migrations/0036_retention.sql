CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"keep_until" date NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"school_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"period_months" integer NOT NULL,
	"retirement_age" integer,
	"basis" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rules_school_id_record_type_pk" PRIMARY KEY("school_id","record_type")
);
--> statement-breakpoint
CREATE TABLE "retention_tombstones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"reason" text NOT NULL,
	"deleted_by" uuid,
	"deleted_by_name" text,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"audit_event_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_tombstones" ADD CONSTRAINT "retention_tombstones_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_tombstones" ADD CONSTRAINT "retention_tombstones_deleted_by_people_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_holds_record_idx" ON "retention_holds" USING btree ("school_id","record_id","decided_at");--> statement-breakpoint
CREATE INDEX "retention_tombstones_record_idx" ON "retention_tombstones" USING btree ("school_id","record_id");--> statement-breakpoint
CREATE INDEX "retention_tombstones_row_idx" ON "retention_tombstones" USING btree ("table_name","row_id");--> statement-breakpoint
-- Tombstones and "keep until" decisions are evidence of what retention did: insert-only.
CREATE TRIGGER retention_tombstones_insert_only BEFORE UPDATE OR DELETE ON retention_tombstones
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE TRIGGER retention_holds_insert_only BEFORE UPDATE OR DELETE ON retention_holds
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
-- Retention's one way through the insert-only rule (decision 034). An UPDATE of an evidence row
-- passes only when this transaction said which audit event it is writing (the transaction-local
-- setting accord.retention_event) and a tombstone naming this very row and that event exists.
-- The row keeps its id and school; DELETE is always refused. Everything else is still refused.
CREATE FUNCTION accord_tombstoned(tbl text, row_id uuid, school uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM retention_tombstones t
    WHERE t.table_name = tbl AND t.row_id = accord_tombstoned.row_id AND t.school_id = school
      AND t.audit_event_id::text = current_setting('accord.retention_event', true)
  )
$$;
--> statement-breakpoint
CREATE FUNCTION accord_refuse_change_unless_tombstoned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.school_id = OLD.school_id
     AND accord_tombstoned(TG_TABLE_NAME, OLD.id, OLD.school_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
DROP TRIGGER signatures_insert_only ON signatures;
--> statement-breakpoint
CREATE TRIGGER signatures_insert_only BEFORE UPDATE OR DELETE ON signatures
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change_unless_tombstoned();
--> statement-breakpoint
DROP TRIGGER incident_entries_insert_only ON incident_entries;
--> statement-breakpoint
CREATE TRIGGER incident_entries_insert_only BEFORE UPDATE OR DELETE ON incident_entries
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change_unless_tombstoned();
--> statement-breakpoint
DROP TRIGGER incident_attachments_insert_only ON incident_attachments;
--> statement-breakpoint
CREATE TRIGGER incident_attachments_insert_only BEFORE UPDATE OR DELETE ON incident_attachments
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change_unless_tombstoned();
--> statement-breakpoint
-- The report of an incident stays fixed, except where retention tombstones it (the same rule).
CREATE OR REPLACE FUNCTION accord_incident_report_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'incidents are kept: % cannot be deleted', OLD.reference;
  END IF;
  IF (NEW.school_id, NEW.reference, NEW.category, NEW.occurred_at, NEW.aware_at, NEW.location, NEW.summary,
      NEW.actions_taken, NEW.involved_described, NEW.reporter_id, NEW.subject_person_id, NEW.routed_roles,
      NEW.ico_deadline, NEW.reported_at)
     IS DISTINCT FROM
     (OLD.school_id, OLD.reference, OLD.category, OLD.occurred_at, OLD.aware_at, OLD.location, OLD.summary,
      OLD.actions_taken, OLD.involved_described, OLD.reporter_id, OLD.subject_person_id, OLD.routed_roles,
      OLD.ico_deadline, OLD.reported_at)
     AND NOT (NEW.id = OLD.id AND NEW.school_id = OLD.school_id AND NEW.reference = OLD.reference
              AND accord_tombstoned(TG_TABLE_NAME, OLD.id, OLD.school_id)) THEN
    RAISE EXCEPTION 'the report of % cannot be changed: add a timeline entry instead', OLD.reference;
  END IF;
  RETURN NEW;
END $$;
