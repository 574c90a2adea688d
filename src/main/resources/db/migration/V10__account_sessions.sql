-- Logging out, a password change or reset and disabling an account end every session of the account on
-- every node: a login cookie issued before this moment is refused (security.SessionCookies).
ALTER TABLE account ADD COLUMN sessions_valid_from TIMESTAMP WITH TIME ZONE;
