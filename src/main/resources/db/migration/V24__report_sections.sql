-- Issue 23, item 3: the live report's texts in a table of their own, one row per section that has text. H2 writes
-- every changed page at each commit (WRITE_DELAY=0), and a report row held its whole text (up to ~60 KB), rewritten
-- by every draft save and by every workflow step that touched the report (version, revision count, updated_at).
-- Now a save rewrites only the rows of the sections it changes, and a workflow step only the small report row.
-- Revisions (report_revision) keep their frozen copies as they are: they are written once and never changed.
-- Portable SQL (H2 2.x and PostgreSQL): copy first, then drop the columns.

CREATE TABLE report_section (
    report_id    BIGINT           NOT NULL REFERENCES report (id),
    section_name VARCHAR(32)      NOT NULL,
    section_text VARCHAR(2010000) NOT NULL,
    PRIMARY KEY (report_id, section_name)
);

INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'COUNTY_INDUSTRY', county_industry FROM report WHERE county_industry IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'COUNTY_TECHNOLOGY', county_technology FROM report WHERE county_technology IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'DOMESTIC_INDUSTRY', domestic_industry FROM report WHERE domestic_industry IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'DOMESTIC_TECHNOLOGY', domestic_technology FROM report WHERE domestic_technology IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'DOMESTIC_TRENDS', domestic_trends FROM report WHERE domestic_trends IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'INDUSTRY_MEASURES', industry_measures FROM report WHERE industry_measures IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'INNOVATION_DIRECTIONS', innovation_directions FROM report WHERE innovation_directions IS NOT NULL;
INSERT INTO report_section (report_id, section_name, section_text)
    SELECT id, 'UNITS_NOTE', units_note FROM report WHERE units_note IS NOT NULL;

ALTER TABLE report DROP COLUMN county_industry;
ALTER TABLE report DROP COLUMN county_technology;
ALTER TABLE report DROP COLUMN domestic_industry;
ALTER TABLE report DROP COLUMN domestic_technology;
ALTER TABLE report DROP COLUMN domestic_trends;
ALTER TABLE report DROP COLUMN industry_measures;
ALTER TABLE report DROP COLUMN innovation_directions;
ALTER TABLE report DROP COLUMN units_note;
