package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.common.Limits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Rules for passwords of real accounts: long enough, mixed, not the user name, not the demo password. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    private PasswordRules() {
    }

    /** bcrypt reads only the first 72 bytes (UTF-8) of a password: a longer one cannot be hashed or checked. */
    public static boolean tooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > Limits.PASSWORD_BYTES;
    }

    /** What is wrong with a password, in Chinese; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("密码至少 " + MIN_LENGTH + " 位");
            return problems;
        }
        if (tooLong(password)) {
            problems.add("密码不能超过 " + Limits.PASSWORD_BYTES + " 个字节（一个汉字占 3 个字节，最多 24 个汉字）");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("密码不能包含用户名");
        }
        if (password.toLowerCase().contains("demo2026")) {
            problems.add("不能使用演示密码");
        }
        return problems;
    }
}
