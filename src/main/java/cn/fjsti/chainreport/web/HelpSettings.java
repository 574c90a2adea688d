package cn.fjsti.chainreport.web;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Whom a clerk asks, shown on the 帮助 page and the login page: keys {@code chainreport.help.*}.
 */
@ConfigMapping(prefix = "chainreport.help")
public interface HelpSettings {

    /** The institute's contact (person, telephone). */
    String instituteContact();

    /** Who opens, disables and resets accounts. */
    String adminContact();

    /** How user names are formed, shown on the login page. */
    String usernameRule();

    /**
     * Each city-level unit's own contact by its code: {@code chainreport.help.contact."350200"=…}. A unit without
     * one is shown as not configured.
     */
    Map<String, String> contact();
}
