package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.audit.Audited;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.ClockProducer;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells a city-level unit that its counties submit: one message per submission ({@code EACH}, the default) or,
 * if the unit chose {@code DAILY}, one digest at {@value #DIGEST_HOUR}:00 Beijing time listing the day's
 * submissions. The pending digest is a {@code Process_SubmissionDigest} instance with a timer: started by the
 * first submission after the last digest, so a unit with no submissions gets no message.
 */
@ApplicationScoped
public class SubmissionNotices {

    static final int DIGEST_HOUR = 18;

    @Inject
    Notifier notifier;

    @Inject
    SubmissionDigestProcess digests;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** The unit's choice: EACH or DAILY. */
    public record Preference(String unitCode, String mode) {
    }

    /** Called in the submission's transaction, after the revision was frozen. */
    public void submitted(Report report) {
        if (report.kind != Report.Kind.COUNTY) {
            return;
        }
        if (SubmissionNoticePreference.of(report.reviewUnit) == SubmissionNoticePreference.Mode.EACH) {
            Campaign campaign = Campaign.findById(report.campaignId);
            notifier.toRegion(report.reviewUnit, new Notifier.Message(report.campaignId, Notification.Kind.REPORT_SUBMITTED,
                    ReportViews.regionName(report.authorRegion) + "提交了调研报告",
                    campaign.title + "：" + ReportViews.regionName(report.authorRegion) + "于 " + Times.text(clock.instant())
                            + "提交了“" + report.chainName + "”报告（第 " + report.revisionCount + " 次提交），请审核。", report.id));
            return;
        }
        Instant now = clock.instant();
        digests.startUnlessPending(report.campaignId, report.reviewUnit, now, digestAt(now));
    }

    /** The next digest time after {@code now}: today at 18:00 Beijing time, or tomorrow once that has passed. */
    static Instant digestAt(Instant now) {
        ZonedDateTime beijing = now.atZone(ClockProducer.ZONE);
        ZonedDateTime today = beijing.toLocalDate().atTime(LocalTime.of(DIGEST_HOUR, 0)).atZone(ClockProducer.ZONE);
        return (beijing.isBefore(today) ? today : today.plusDays(1)).toInstant();
    }

    /** Called by the digest timer: one message listing the county submissions of the unit since {@code since}. */
    @Transactional
    public void sendDigest(Long campaignId, String unitCode, Instant since) {
        Campaign campaign = Campaign.findById(campaignId);
        List<Report> reports = Report.list("campaignId = ?1 and reviewUnit = ?2 and kind = ?3", campaignId, unitCode,
                Report.Kind.COUNTY);
        Map<Long, Report> byId = reports.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        List<ReportRevision> submitted = byId.isEmpty() ? List.of()
                : ReportRevision.<ReportRevision>list("reportId in ?1 and submittedAt >= ?2 order by submittedAt", byId.keySet(), since);
        if (submitted.isEmpty()) {
            return;
        }
        String lines = submitted.stream().map(r -> {
            Report report = byId.get(r.reportId);
            return ReportViews.regionName(report.authorRegion) + "“" + report.chainName + "”（第 " + r.number + " 次提交，"
                    + Times.text(r.submittedAt) + "）";
        }).collect(Collectors.joining("；"));
        notifier.toRegion(unitCode, Notifier.Message.of(campaignId, Notification.Kind.SUBMISSION_DIGEST,
                "今日县级报告提交：" + submitted.size() + " 份",
                campaign.title + "：" + Times.text(since) + "以来，所辖县（市、区）提交了 " + submitted.size() + " 份报告：" + lines + "。请审核。"));
    }

    @Transactional
    public Preference preference() {
        String unit = ownUnit();
        return new Preference(unit, SubmissionNoticePreference.of(unit).name());
    }

    /** Sets the caller's unit's choice (CITY only). A digest already pending is still sent. */
    @Transactional
    @Audited("notification.submissionNotices")
    public Preference choose(String mode) {
        String unit = ownUnit();
        SubmissionNoticePreference.Mode chosen;
        try {
            chosen = SubmissionNoticePreference.Mode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("mode", "请选择 EACH（每份提交即通知）或 DAILY（每日 " + DIGEST_HOUR + ":00 汇总通知一次）");
        }
        SubmissionNoticePreference p = SubmissionNoticePreference.findById(unit);
        boolean created = p == null;
        if (created) {
            p = new SubmissionNoticePreference(unit);
        }
        p.mode = chosen;
        p.updatedAt = clock.instant();
        p.updatedBy = user.username();
        if (created) {
            p.persist();
        }
        return new Preference(unit, chosen.name());
    }

    private String ownUnit() {
        if (!user.is(Role.CITY)) {
            throw ApiException.forbidden("只有设区市（审核单位）可以设置县级报告提交的通知方式");
        }
        return Region.byCode(user.regionCode()).orElseThrow().code;
    }
}
