package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.campaign.CampaignView;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link PageFrame} of the current request. */
@RequestScoped
public class Frames {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    CampaignService campaigns;

    @Inject
    Clock clock;

    @Inject
    cn.fjsti.chainreport.campaign.CampaignProcess campaignProcess;

    /**
     * @param campaignId the campaign asked for, or null for the newest one
     */
    @Transactional
    public PageFrame of(String title, String active, Long campaignId) {
        if (identity.isAnonymous()) {
            return new PageFrame(title, null, null, null, null, null, null, 0, List.of(), active, null, now(), List.of());
        }
        Role role = user.role();
        String region = user.regionCode();
        long unread = Notification.count("recipient = ?1 and readAt is null", user.username());
        List<Campaign> all = Campaign.list("order by year desc");
        CampaignView campaign = campaign(campaignId, all);
        // Links keep the campaign in view, so a page about last year's campaign leads to last year's pages.
        String suffix = campaignId == null ? "" : "?campaign=" + campaignId;
        List<PageFrame.CampaignOption> options = all.stream()
                .map(c -> new PageFrame.CampaignOption(c.id, c.title, open(c), campaign != null && c.id.equals(campaign.id())))
                .toList();
        return new PageFrame(title, user.username(), user.displayName(), role.name(), roleLabel(role), region, user.regionName(), unread,
                nav(role, region, suffix), active, campaign, now(), options);
    }

    /**
     * The frame of an error page: the account and its navigation only. It reads nothing from the database,
     * since a refusal may be answered on the I/O thread, and the failure may be the database itself.
     */
    public PageFrame bare(String title) {
        if (identity.isAnonymous()) {
            return new PageFrame(title, null, null, null, null, null, null, 0, List.of(), "", null, now(), List.of());
        }
        Role role = user.role();
        String region = user.regionCode();
        return new PageFrame(title, user.username(), user.displayName(), role.name(), roleLabel(role), region, user.regionName(), 0,
                nav(role, region, ""), "", null, now(), List.of());
    }

    public PageFrame of(String title, String active) {
        return of(title, active, null);
    }

    /** The campaign asked for, else the newest still open (its process running), else the newest; null when none exists. */
    CampaignView campaign(Long campaignId, List<Campaign> newestFirst) {
        if (campaignId != null) {
            return campaigns.get(campaignId);
        }
        Campaign chosen = newestFirst.stream().filter(this::open).findFirst()
                .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0));
        return chosen == null ? null : campaigns.get(chosen.id);
    }

    private boolean open(Campaign c) {
        return campaignProcess.isOpen(c);
    }

    private java.time.OffsetDateTime now() {
        return Times.beijing(clock.instant());
    }

    /** Where each role lands after logging in. */
    static String home(Role role) {
        return switch (role) {
            case COUNTY -> "/county";
            case CITY -> "/city";
            case INSTITUTE -> "/institute";
            case ADMIN -> "/admin";
        };
    }

    static String roleLabel(Role role) {
        return role.label();
    }

    private static List<PageFrame.Nav> nav(Role role, String region, String suffix) {
        List<PageFrame.Nav> nav = new ArrayList<>();
        switch (role) {
            case COUNTY -> nav.add(new PageFrame.Nav("county", "/county" + suffix, "我的报告"));
            case CITY -> {
                nav.add(new PageFrame.Nav("city", "/city" + suffix, "审核与汇总"));
                nav.add(new PageFrame.Nav("package", "/packages/" + region + suffix, "上报材料"));
            }
            case INSTITUTE -> nav.add(new PageFrame.Nav("institute", "/institute" + suffix, "进度看板"));
            case ADMIN -> {
                nav.add(new PageFrame.Nav("admin", "/admin", "调研工作"));
                nav.add(new PageFrame.Nav("accounts", "/admin/accounts", "账号管理"));
                nav.add(new PageFrame.Nav("institute", "/institute" + suffix, "进度看板"));
            }
        }
        nav.add(new PageFrame.Nav("inbox", "/inbox", "消息"));
        nav.add(new PageFrame.Nav("help", "/help", "帮助"));
        return nav;
    }
}
