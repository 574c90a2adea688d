package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.ClockProducer;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReviewComment;
import cn.fjsti.chainreport.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a campaign over time, one point per Beijing calendar day from the opening to today (or the
 * deadline, if later days are not yet reached): reports submitted at least once, reports approved, units
 * that have sent their package. Read from the facts the service already keeps (revisions, review decisions,
 * package rounds), so nothing extra is recorded for the chart.
 */
@ApplicationScoped
public class ProgressHistory {

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    public record Day(LocalDate date, int submitted, int approved, int unitsSent) {
    }

    @Transactional
    public List<Day> of(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.seesEverything()) {
            throw ApiException.forbidden("进度看板仅供省科学技术信息研究所和省科技厅使用");
        }
        List<Instant> submitted = Report.getEntityManager().createQuery(
                "select min(rv.submittedAt) from ReportRevision rv, Report r where rv.reportId = r.id and r.campaignId = ?1 group by r.id",
                Instant.class).setParameter(1, campaignId).getResultList();
        List<Instant> approved = Report.getEntityManager().createQuery(
                "select c.createdAt from ReviewComment c, Report r where c.reportId = r.id and r.campaignId = ?1 and c.decision = ?2",
                Instant.class).setParameter(1, campaignId).setParameter(2, ReviewComment.Decision.APPROVED).getResultList();
        List<Instant> sent = Report.getEntityManager().createQuery(
                "select min(pr.sentAt) from PackageRound pr, CityPackage p where pr.packageId = p.id and p.campaignId = ?1 group by p.id",
                Instant.class).setParameter(1, campaignId).getResultList();
        LocalDate first = day(campaign.openedAt);
        LocalDate last = day(clock.instant());
        if (last.isBefore(first)) {
            last = first;
        }
        int[] submittedUpTo = cumulative(submitted, first, last);
        int[] approvedUpTo = cumulative(approved, first, last);
        int[] sentUpTo = cumulative(sent, first, last);
        List<Day> days = new ArrayList<>();
        int i = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), i++) {
            days.add(new Day(d, submittedUpTo[i], approvedUpTo[i], sentUpTo[i]));
        }
        return days;
    }

    /**
     * For each day from first to last, how many events fell on or before it: each event's day is computed once
     * (events before the first day count from the first day on), instead of comparing every event with every day.
     */
    private static int[] cumulative(List<Instant> events, LocalDate first, LocalDate last) {
        int n = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        int[] perDay = new int[n];
        for (Instant e : events) {
            if (e == null) {
                continue;
            }
            long index = Math.max(0, day(e).toEpochDay() - first.toEpochDay());
            if (index < n) {
                perDay[(int) index]++;
            }
        }
        for (int i = 1; i < n; i++) {
            perDay[i] += perDay[i - 1];
        }
        return perDay;
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ClockProducer.ZONE).toLocalDate();
    }
}
