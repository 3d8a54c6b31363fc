ALTER TABLE "audit_events" ADD COLUMN "actor_via" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "records" jsonb;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash_form" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The head of a school's chain only moves forward: it is what catches events deleted from the end
-- (decision 028). Like the insert-only triggers, an owner can disable this; verify is the proof.
CREATE FUNCTION accord_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    RAISE EXCEPTION 'audit_chain_heads only moves forward';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE OR DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION accord_head_moves_forward();
