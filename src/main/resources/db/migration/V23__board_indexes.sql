-- Issue 23: the institute's board and progress chart read a few columns of every report, revision and review
-- decision of a campaign. These indexes hold exactly those columns, so the database answers from the index and
-- never reads the rows with their texts (H2 keeps a row's sections in the row itself). Plans and figures in
-- docs/benchmarks.md.
CREATE INDEX ix_report_board ON report (campaign_id, review_unit, author_region, kind, process_instance_id,
    revision_count, merged_into, withdrawn_at);
CREATE INDEX ix_report_revision_submitted ON report_revision (report_id, submitted_at);
CREATE INDEX ix_review_comment_decision ON review_comment (report_id, decision, created_at);
