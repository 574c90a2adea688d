package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.campaign.CampaignView;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What every page shows around its content: the account, the navigation for its role, the unread count,
 * the campaign the page is about and the service's clock (so countdowns follow the server, not the PC).
 * The header shows names only: the account's display name, its region's name and its role's Chinese name.
 */
public record PageFrame(String title, String username, String displayName, String roleName, String roleLabel,
                        String regionCode, String regionName, long unread, List<Nav> nav, String active, CampaignView campaign,
                        OffsetDateTime now, List<CampaignOption> campaigns) {

    /** A frame without the campaign switcher (anonymous pages, error pages). */
    public PageFrame(String title, String username, String displayName, String roleName, String roleLabel,
                     String regionCode, String regionName, long unread, List<Nav> nav, String active, CampaignView campaign,
                     OffsetDateTime now) {
        this(title, username, displayName, roleName, roleLabel, regionCode, regionName, unread, nav, active, campaign, now, List.of());
    }

    /** One entry of the campaign switcher: every campaign, newest first; {@code open} while its process runs. */
    public record CampaignOption(Long id, String title, boolean open, boolean selected) {
    }

    /** A navigation link; {@code key} marks the current one. */
    public record Nav(String key, String href, String label) {
    }

    public boolean loggedIn() {
        return username != null;
    }
}
