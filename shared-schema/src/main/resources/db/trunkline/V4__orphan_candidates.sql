-- LiveKit trunks the orphan reconciler found carrying this installation's marker without a committed trunk that
-- owns them, and since when. A trunk is removed only once it has stayed an orphan for the reconciler's minimum
-- age (LiveKit keeps no creation time), so a request that is replayed, a commit that is about to land, or a
-- database that was briefly the wrong one does not cost a trunk. Rows are removed as soon as a trunk is no longer
-- an orphan or no longer exists. Only the provisioning-worker writes here.
CREATE TABLE orphan_candidates (
    installation  TEXT        NOT NULL,
    trunk_id      TEXT        NOT NULL,
    request_id    UUID        NOT NULL,
    reason        TEXT        NOT NULL,
    first_seen    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (installation, trunk_id)
);
