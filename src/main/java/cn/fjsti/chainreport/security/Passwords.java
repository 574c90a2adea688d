package cn.fjsti.chainreport.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt hashing and checking of passwords. */
public final class Passwords {

    private static final int COST = 10;

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** Whether the password is the hashed one; a password bcrypt cannot read (over 72 bytes) never is. */
    public static boolean matches(String password, String hash) {
        if (hash == null || password == null || PasswordRules.tooLong(password)) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
}
