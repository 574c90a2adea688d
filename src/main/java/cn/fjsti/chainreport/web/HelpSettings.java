package cn.fjsti.chainreport.web;

import io.smallrye.config.ConfigMapping;

/**
 * Whom a clerk asks, shown on the 帮助 page and the login page: keys {@code chainreport.help.*}. Each city-level
 * unit's own contact is {@code chainreport.help.contact."<unit code>"} (read per unit by {@link HelpPage}; a unit
 * without one is shown as not configured).
 */
@ConfigMapping(prefix = "chainreport.help")
public interface HelpSettings {

    /** The institute's contact (person, telephone). */
    String instituteContact();

    /** Who opens, disables and resets accounts. */
    String adminContact();

    /** How user names are formed, shown on the login page. */
    String usernameRule();
}
