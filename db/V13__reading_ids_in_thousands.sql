-- PlugHome schema, version 13: meter-reading ids drawn a thousand at a time. At 10,000 chargers
-- (about 3,000 readings a second) a block of 50 ran out 60 times a second, and every frame that
-- needed an id waited while one thread drew the next block (docs/performance.md). JPA's
-- allocationSize for meter_sample_seq is 1000 and must equal INCREMENT BY. The next block starts
-- past every id already handed out; a restart leaves a gap of at most 999. Same SQL for H2 and
-- PostgreSQL.

ALTER SEQUENCE meter_sample_seq INCREMENT BY 1000;
