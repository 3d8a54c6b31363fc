ALTER TABLE "consent_purposes" ADD COLUMN "about" text DEFAULT 'pupils' NOT NULL;--> statement-breakpoint
-- Schools that already have their purposes get the staff one too (new schools get it with the rest).
INSERT INTO consent_purposes (school_id, key, name, description, basis, about, position)
SELECT s.school_id, 'staff_photos', 'Staff photos',
  'Your photo on the school website''s staff page, in the prospectus and on the who''s who board in reception.',
  'consent', 'staff', 100
FROM (SELECT DISTINCT school_id FROM consent_purposes) s
ON CONFLICT DO NOTHING;
