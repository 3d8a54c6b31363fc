-- Signatures are evidence: insert-only, like the audit log (accord_refuse_change from 0001).
CREATE TRIGGER signatures_insert_only BEFORE UPDATE OR DELETE ON signatures
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
