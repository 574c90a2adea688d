-- Every column holds what passes the door (common/Limits, common/FreeText). Limits count characters as people
-- count them (code points, after normalisation); H2 counts UTF-16 units, so a column of a text of n characters is
-- 2n wide (PostgreSQL counts code points: there it is simply generous). LimitsSchemaTest reads these sizes back.
-- SET DATA TYPE only widens the type; nullability, keys and indexes stay (H2 2.x and PostgreSQL alike).

ALTER TABLE account ALTER COLUMN display_name SET DATA TYPE VARCHAR(200);
ALTER TABLE campaign ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE pilot_chain ALTER COLUMN chain_name SET DATA TYPE VARCHAR(120);
ALTER TABLE pilot_chain ALTER COLUMN chain_key SET DATA TYPE VARCHAR(160);
ALTER TABLE report ALTER COLUMN chain_name SET DATA TYPE VARCHAR(120);
ALTER TABLE report ALTER COLUMN chain_key SET DATA TYPE VARCHAR(160);
ALTER TABLE merge_group ALTER COLUMN chain_name SET DATA TYPE VARCHAR(120);

-- A consolidated report keeps every county's words of the largest merge: 50 x (20,000 + label) characters.
ALTER TABLE report ALTER COLUMN county_industry SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN county_technology SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN domestic_industry SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN domestic_technology SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN domestic_trends SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN industry_measures SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN innovation_directions SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report ALTER COLUMN units_note SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN county_industry SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN county_technology SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN domestic_industry SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN domestic_technology SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN domestic_trends SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN industry_measures SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN innovation_directions SET DATA TYPE VARCHAR(2010000);
ALTER TABLE report_revision ALTER COLUMN units_note SET DATA TYPE VARCHAR(2010000);

ALTER TABLE report_unit ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE report_unit ALTER COLUMN strength SET DATA TYPE VARCHAR(2000);
ALTER TABLE report_unit ALTER COLUMN contact SET DATA TYPE VARCHAR(400);
ALTER TABLE report_revision_unit ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE report_revision_unit ALTER COLUMN strength SET DATA TYPE VARCHAR(2000);
ALTER TABLE report_revision_unit ALTER COLUMN contact SET DATA TYPE VARCHAR(400);

ALTER TABLE review_comment ALTER COLUMN comment SET DATA TYPE VARCHAR(8000);
ALTER TABLE package_round ALTER COLUMN comment SET DATA TYPE VARCHAR(8000);
-- An inbox message quotes a whole comment inside a sentence about the report.
ALTER TABLE notification ALTER COLUMN body SET DATA TYPE VARCHAR(9000);

-- A county report belongs to at most one active merge: one row per report in an active merge, removed when the
-- merge is undone. The primary key makes a second active merge of the same report impossible, whatever the
-- service does (it also locks the package and the reports, so the loser of a race gets a clean 409).
CREATE TABLE merge_active_member (
    report_id BIGINT NOT NULL PRIMARY KEY REFERENCES report (id),
    group_id  BIGINT NOT NULL REFERENCES merge_group (id)
);
CREATE INDEX ix_merge_active_member_group ON merge_active_member (group_id);
-- Existing merges: where a race already left a report in two active merges, the later merge keeps it.
INSERT INTO merge_active_member (report_id, group_id)
SELECT m.report_id, MAX(m.group_id)
FROM merge_member m JOIN merge_group g ON g.id = m.group_id
WHERE g.undone_at IS NULL
GROUP BY m.report_id;
