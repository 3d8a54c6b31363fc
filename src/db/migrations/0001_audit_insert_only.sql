-- Audit events are evidence: the application only ever inserts them. This trigger turns an
-- accidental UPDATE or DELETE into an error. Someone with owner rights can still disable it,
-- which is why the events are also hash-chained (see `accord audit verify`).
CREATE FUNCTION accord_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_insert_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
