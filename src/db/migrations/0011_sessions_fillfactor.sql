-- A session row is updated at most once a minute while it is in use (last_seen_at). Room left
-- on each page lets PostgreSQL update it in place (a HOT update: no new index entries), which
-- keeps the touch cheap when a whole staff signs at once (bench/signing.ts, docs/PERFORMANCE.md).
ALTER TABLE "sessions" SET (fillfactor = 70);
