package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.campaign.CampaignView;
import cn.fjsti.chainreport.notification.NotificationResource;
import cn.fjsti.chainreport.report.ChainDeclarationService;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.security.AccountService;
import cn.fjsti.chainreport.submission.PackageViews;
import cn.fjsti.chainreport.workflow.TaskResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The page templates (src/main/resources/templates/NAME.html). Every page receives the {@link PageFrame}
 * (who is logged in, the navigation, the unread count) and the data of its own page.
 */
@CheckedTemplate(requireTypeSafeExpressions = false)
public final class Views {

    private Views() {
    }

    /**
     * The login page; {@code failedLogin} is what a wrong password is told (the configured pause rule),
     * {@code usernameRule} how user names are formed, {@code adminContact} whom to ask for a password.
     */
    public static native TemplateInstance login(String next, String failedLogin, String usernameRule, String adminContact);

    public static native TemplateInstance help(PageFrame frame, HelpPage.Help help);

    public static native TemplateInstance error(PageFrame frame, int status, String title, String detail);

    public static native TemplateInstance inbox(PageFrame frame, long unread,
                                                   cn.fjsti.chainreport.common.Paging<NotificationResource.NotificationView> inbox,
                                                   Pages.InboxFilter filter);

    public static native TemplateInstance county(PageFrame frame, List<Pages.CountyTask> tasks,
                                                    ChainDeclarationService.RegionChains chains, List<ReportViews.Summary> reports,
                                                 List<Pages.OtherTasks> others);

    public static native TemplateInstance report(PageFrame frame, ReportPages.ReportPage page);

    public static native TemplateInstance print(PageFrame frame, ReportViews.Detail report, List<ReportPages.Block> blocks);

    public static native TemplateInstance history(PageFrame frame, ReportPages.HistoryPage page);

    public static native TemplateInstance process(PageFrame frame, ReportPages.ProcessPage page);

    public static native TemplateInstance city(PageFrame frame, Pages.CityPage page);

    public static native TemplateInstance merge(PageFrame frame, Pages.MergePage page);

    public static native TemplateInstance pkg(PageFrame frame, PackageViews.Package pkg, boolean mine,
                                              List<cn.fjsti.chainreport.submission.ChaseService.ChaseView> chases);

    public static native TemplateInstance institute(PageFrame frame, Pages.BoardPage page);

    public static native TemplateInstance admin(PageFrame frame, List<CampaignView> campaigns, List<AdminPages.RegionOption> counties,
                                                List<AdminPages.RegionOption> units);

    public static native TemplateInstance accounts(PageFrame frame, cn.fjsti.chainreport.common.Paging<AccountService.AccountView> accounts,
                                                      List<AdminPages.RegionOption> regions, AdminPages.AccountFilter filter);
}
