-- An approved, published or superseded policy version is a record of what was agreed: its text
-- and statements never change. Editing makes a new draft. Only the status may move on
-- (approved → published → superseded) with its timestamps.
CREATE FUNCTION accord_policy_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'policy version % is % and cannot be deleted', OLD.id, OLD.status;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IN ('approved', 'published', 'superseded') AND (
       NEW.content IS DISTINCT FROM OLD.content OR NEW.statements IS DISTINCT FROM OLD.statements
    OR NEW.major IS DISTINCT FROM OLD.major OR NEW.minor IS DISTINCT FROM OLD.minor
    OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.no_changes IS DISTINCT FROM OLD.no_changes) THEN
    RAISE EXCEPTION 'policy version % is % and cannot be changed', OLD.id, OLD.status;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_versions_frozen BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION accord_policy_version_frozen();
