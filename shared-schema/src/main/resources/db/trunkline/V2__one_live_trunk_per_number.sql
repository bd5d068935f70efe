-- A phone number or extension belongs to one live (pending or provisioned) trunk of the whole installation, not
-- of one account: LiveKit refuses a second inbound trunk for a called number (without allowed_numbers) anywhere
-- in the project, so a per-account rule let one account's trunk take another account's calls and made every
-- other account's create of that number fail on LiveKit.
--
-- The key is LiveKit's own normalisation of a called number (livekit.NormalizeNumber): a string that looks like
-- a number (digits, an optional leading +, spaces, dashes, parentheses) loses its formatting and gains a leading
-- +, so the extension 14155551234 and the number +14155551234 are one called number, as on LiveKit; anything
-- else (an extension such as 'sales') is compared as written.
CREATE FUNCTION called_number_key(phone_number TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT CASE
            WHEN phone_number ~ '^\+?[0-9() -]+$' THEN '+' || ltrim(translate(phone_number, ' -()', ''), '+')
            ELSE phone_number
        END
    $$;

-- Replaces the per-account (phone number, username, address) index: one live request per called number implies
-- one per identity. The gateway tells the two refusals apart (the documented duplicate message for the caller's
-- own identical trunk, a number-in-use message otherwise) by looking at the live request that holds the number.
-- An installation that already holds two live trunks of one number (possible before this rule) must end one of
-- them before this migration can run; on LiveKit at most one of them could have been provisioned.
CREATE UNIQUE INDEX provisioning_requests_live_number
    ON provisioning_requests (called_number_key(phone_number))
    WHERE status <> 'failed';

DROP INDEX provisioning_requests_live_identity;
