package cn.fjsti.chainreport.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How password guessing is slowed down ({@link LoginThrottle}): keys {@code chainreport.login.*}. The same
 * figures are shown wherever a person is told the rule (the 401 problem detail, the login page), never typed
 * there by hand: {@link #failedLoginMessage()}.
 */
@ConfigMapping(prefix = "chainreport.login")
public interface LoginSettings {

    /** Wrong passwords for one user name from one address within {@link #lock()} that pause its logins; at least 1. */
    @WithDefault("5")
    int maxFailures();

    /** How long the pause lasts, and the window in which failures are counted (ISO-8601, e.g. {@code PT15M}). */
    @WithDefault("PT15M")
    Duration lock();

    /** What a failed login is told (form, Basic or cookie): the pause rule with the configured numbers. */
    default String failedLoginMessage() {
        return "用户名或密码不正确，或登录已过期、已退出；从同一地址连续 " + maxFailures() + " 次输错密码，将暂停登录 "
                + lock().toMinutes() + " 分钟（管理员可解除）";
    }
}
