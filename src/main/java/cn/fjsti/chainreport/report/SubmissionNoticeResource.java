package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How a city-level unit hears of its counties' submissions ({@link SubmissionNotices}). */
@Tag(name = ApiTags.CITY)
@Path("/api/notifications/submission-notices")
@io.quarkus.security.Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionNoticeResource {

    @Inject
    SubmissionNotices submissionNotices;

    /** A unit's choice of how it hears of its counties' submissions. */
    public record NoticeChoice(@jakarta.validation.constraints.NotNull(message = "请选择通知方式 mode") String mode) {
    }

    @GET
    @jakarta.annotation.security.RolesAllowed(cn.fjsti.chainreport.security.Role.CITY_NAME)
    @Operation(summary = "县级报告提交的通知方式", description = "EACH：每份提交即通知（默认）；DAILY：每日 18:00（北京时间）汇总通知一次")
    public SubmissionNotices.Preference submissionNotices() {
        return submissionNotices.preference();
    }

    @jakarta.ws.rs.PUT
    @jakarta.annotation.security.RolesAllowed(cn.fjsti.chainreport.security.Role.CITY_NAME)
    @Operation(summary = "设置县级报告提交的通知方式", description = "mode 为 EACH 或 DAILY；其他值 400")
    public SubmissionNotices.Preference chooseSubmissionNotices(
            @jakarta.validation.constraints.NotNull(message = "请求内容不能为空") @jakarta.validation.Valid NoticeChoice choice) {
        return submissionNotices.choose(choice.mode());
    }
}
