package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignProcess;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.campaign.PilotChain;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.ReadOnlyPersistence;
import cn.fjsti.chainreport.common.RetryOnEngineConflict;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.CountySurveyProcess;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A unit's package: sending it (when complete), the institute's decision, reminders and overdue marking
 * from the process timers, and the institute's deadline board.
 */
@ApplicationScoped
public class PackageService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess reportProcess;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    CampaignProcess campaignProcess;

    @Inject
    CountySurveyProcess countySurvey;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    BoardFacts boardFacts;

    @Transactional
    public PackageViews.Package view(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        return view(campaign, unit, snapshot(campaign, unit));
    }

    /** Sends the package: refused with the list of what is missing unless every rule of the notice is met. */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.send")
    public PackageViews.Package send(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        lockPackage(campaign.id, unit.code);
        OpenTask task = unitProcess.activeTask(campaign.id, unit.code)
                .filter(t -> t.is(Workflow.Task.SEND_PACKAGE))
                .orElseThrow(() -> ApiException.conflict("材料已报送，正等待省科学技术信息研究所接收，不能重复报送"));
        UnitSnapshot snapshot = snapshot(campaign, unit);
        List<String> missing = snapshot.missing();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("材料还不完整，不能报送：" + missing.get(0) + (missing.size() > 1 ? " 等 " + missing.size() + " 项" : ""),
                    missing.stream().map(m -> new FieldError("package", m)).toList());
        }
        CityPackage pkg = pkg(campaign.id, unit.code);
        int number = pkg.lastRound().map(r -> r.number + 1).orElse(1);
        Instant now = clock.instant();
        PackageRound round = new PackageRound(pkg, number, now, user.username(), deadlineOf(campaign, unit.code),
                snapshot.contents().stream().map(r -> r.id).toList());
        round.persist();
        unitProcess.complete(task, user.username(), true);
        notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.PACKAGE_SENT,
                unit.name + "已报送调研报告" + (round.onTime ? "" : "（逾期）"),
                unit.name + "于 " + Times.text(now) + "报送 " + round.reportIds.size() + " 份调研报告"
                        + (number > 1 ? "（第 " + number + " 次报送）" : "") + "。"));
        return view(campaign, unit, snapshot);
    }

    /** The institute accepts the package, or returns it to the unit with comments. */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.decide")
    public PackageViews.Package decide(Long campaignId, String unitCode, boolean accept, String comment) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        if (accept) {
            // Accepting ends the unit's part of the campaign (see lockForCompletion: first, before any write).
            CampaignService.lockForCompletion(campaign);
        }
        lockPackage(campaign.id, unit.code);
        OpenTask task = unitProcess.activeTask(campaign.id, unit.code)
                .filter(t -> t.is(Workflow.Task.INSTITUTE_REVIEW))
                .orElseThrow(() -> ApiException.conflict(unit.name + "的材料当前不在待接收状态"
                        + (pkg(campaign.id, unit.code).lastRound().filter(r -> r.decision == PackageRound.Decision.WITHDRAWN).isPresent()
                                ? "（设区市已撤回）" : "")));
        PackageRound round = pkg(campaign.id, unit.code).lastRound().orElseThrow();
        round.decide(accept ? PackageRound.Decision.ACCEPTED : PackageRound.Decision.RETURNED, user.username(),
                comment, clock.instant());
        unitProcess.complete(task, user.username(), accept);
        if (accept) {
            closeReports(campaign.id, unit.code);
        }
        notifier.toRegion(unit.code, Notifier.Message.of(campaign.id,
                accept ? Notification.Kind.PACKAGE_ACCEPTED : Notification.Kind.PACKAGE_RETURNED,
                accept ? "省科学技术信息研究所已接收材料" : "材料被退回，请修改后重新报送",
                accept ? "第 " + round.number + " 次报送的材料已接收。" + (comment == null ? "" : "意见：" + comment)
                        : "退回意见：" + comment));
        return view(campaign, unit, snapshot(campaign, unit));
    }

    /** The unit's own deadline: the campaign's unless the administrator extended it for the unit. */
    Instant deadlineOf(Campaign campaign, String unitCode) {
        return unitProcess.deadline(campaign.id, unitCode).orElse(campaign.deadline);
    }

    /**
     * 延期: the administrator moves the deadline of the whole campaign (unitCode null) or of one unit. Only later:
     * an extension, never a shortening. Every affected unit still preparing its package restarts its
     * preparation in the engine (reminders and overdue timer for the new deadline; a unit marked overdue under
     * the old deadline is no longer overdue); a unit that has sent keeps its rounds as they were judged, and a
     * later return or withdrawal prepares against the new deadline. A unit's own later extension is kept when
     * the campaign is extended less far. Accepted units are left alone.
     */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.extendDeadline")
    public PackageViews.Extension extend(Long campaignId, String unitCode, Instant deadline) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.is(cn.fjsti.chainreport.security.Role.ADMIN)) {
            throw ApiException.forbidden("只有省科技厅可以延期");
        }
        Instant now = clock.instant();
        String unsettable = DeadlinePolicy.unsettable(deadline, now, campaign.year);
        if (unsettable != null) {
            throw ApiException.badField("deadline", "延期后的" + unsettable);
        }
        List<Region> units;
        if (unitCode == null) {
            if (!campaignProcess.isOpen(campaign)) {
                throw ApiException.conflict("本年度调研工作已结束，不能延期");
            }
            if (!deadline.isAfter(campaign.deadline)) {
                throw ApiException.badField("deadline", "延期后的截止时间须晚于原截止时间 " + Times.text(campaign.deadline));
            }
            campaign.deadline = deadline;
            units = Region.reviewUnits();
        } else {
            Region unit = Region.byCode(unitCode).filter(r -> Region.reviewUnits().stream().anyMatch(u -> u.code.equals(r.code)))
                    .orElseThrow(() -> ApiException.notFound("没有代码为 " + unitCode + " 的设区市"));
            Instant current = deadlineOf(campaign, unit.code);
            if (!deadline.isAfter(current)) {
                throw ApiException.badField("deadline", unit.name + "延期后的截止时间须晚于现在的截止时间 " + Times.text(current));
            }
            if (stage(campaign.id, unit.code, pkg(campaign.id, unit.code).lastRound()) == PackageStage.ACCEPTED) {
                throw ApiException.conflict(unit.name + "的材料已接收，不能延期");
            }
            units = List.of(unit);
        }
        List<String> moved = new ArrayList<>();
        for (Region unit : units) {
            lockPackage(campaign.id, unit.code);
            CityPackage pkg = pkg(campaign.id, unit.code);
            if (pkg.processInstanceId == null || stage(campaign.id, unit.code, pkg.lastRound()) == PackageStage.ACCEPTED
                    || !deadline.isAfter(deadlineOf(campaign, unit.code))) {
                continue;
            }
            if (unitProcess.extend(pkg.processInstanceId, deadline, user.username())) {
                pkg.overdueMarkedAt = null;
            }
            moved.add(unit.code);
            notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                    "报送截止时间已延期", "省科技厅已将" + unit.name + "的报送截止时间延至 " + Times.text(deadline) + "。"));
        }
        return new PackageViews.Extension(campaign.id, Times.beijing(campaign.deadline), Times.beijing(deadline), moved);
    }

    /** Where the unit's package stands (for pages deciding which buttons to show). */
    @Transactional
    public PackageStage stageOf(Long campaignId, String unitCode) {
        return CityPackage.of(campaignId, unitCode).map(p -> stage(campaignId, unitCode, p.lastRound())).orElse(PackageStage.PREPARING);
    }

    /**
     * The unit's last sending, when the institute has returned it and the unit has not sent again (taking the
     * package's lock); otherwise 409 saying where the package stands.
     */
    public PackageRound requireReturned(Long campaignId, String unitCode) {
        lockPackage(campaignId, unitCode);
        Optional<PackageRound> last = pkg(campaignId, unitCode).lastRound();
        PackageStage stage = stage(campaignId, unitCode, last);
        if (stage != PackageStage.RETURNED) {
            throw ApiException.conflict("本市材料当前为“" + stage.label() + "”，只有省科学技术信息研究所退回材料后，才能重新打开已通过的报告");
        }
        return last.orElseThrow();
    }

    /**
     * The unit takes back its sent package before the institute has accepted or returned it: the withdrawal
     * message interrupts the institute's task and the preparation starts again (reminders still ahead, the
     * overdue timer). The sending stays in the rounds, marked withdrawn; the next sending is a new round.
     */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.withdraw")
    public PackageViews.Package withdraw(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        // The same lock as the institute's decision: a withdrawal and a decision queue, the second sees the first.
        lockPackage(campaign.id, unit.code);
        Optional<PackageRound> last = pkg(campaign.id, unit.code).lastRound();
        PackageStage stage = stage(campaign.id, unit.code, last);
        if (stage != PackageStage.SENT) {
            throw ApiException.conflict(switch (stage) {
                case ACCEPTED -> "省科学技术信息研究所已接收材料，不能撤回";
                case RETURNED -> "省科学技术信息研究所已退回材料，无需撤回，修改后重新报送即可";
                default -> "材料尚未报送，无需撤回";
            });
        }
        if (!unitProcess.withdraw(campaign.id, unit.code, user.username())) {
            throw ApiException.conflict("本市材料按旧版流程办理，报送后不能撤回；请联系省科学技术信息研究所退回");
        }
        PackageRound round = last.orElseThrow();
        round.decide(PackageRound.Decision.WITHDRAWN, user.username(), null, clock.instant());
        notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.PACKAGE_WITHDRAWN,
                unit.name + "撤回了报送的材料",
                unit.name + "撤回了第 " + round.number + " 次报送的材料，修改后将重新报送。"));
        return view(campaign, unit, snapshot(campaign, unit));
    }

    /** The package is accepted: every report of the unit waiting for it (approved, or written by the city) ends. */
    private void closeReports(Long campaignId, String unitCode) {
        List<Report> reports = Report.list("campaignId = ?1 and reviewUnit = ?2 and withdrawnAt is null", campaignId, unitCode);
        for (Report report : reports) {
            reportProcess.correlate(report, Workflow.Message.REPORT_CLOSED, user.username());
        }
    }

    /** Sets the unit's own deadline for its counties; their open tasks take it as due date. */
    @Transactional
    @Audited("package.internalDeadline")
    public PackageViews.Package setInternalDeadline(Long campaignId, String unitCode, Instant deadline) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        Instant unitDeadline = deadlineOf(campaign, unit.code);
        if (deadline != null && (deadline.isAfter(unitDeadline) || !deadline.isAfter(clock.instant()))) {
            throw ApiException.badField("deadline", "市级截止时间须晚于当前时间，且不晚于全省截止时间");
        }
        pkg(campaign.id, unit.code).internalDeadline = deadline;
        Set<String> counties = Region.draftingCountiesOf(unit.code).stream().map(r -> r.code).collect(Collectors.toSet());
        countySurvey.setDueDates(campaign.id, counties, deadline == null ? unitDeadline : deadline);
        return view(campaign, unit, snapshot(campaign, unit));
    }

    /** Called by a reminder timer. */
    @Transactional
    @Audited("package.remind")
    public void remind(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = Region.byCode(unitCode).orElseThrow();
        Instant unitDeadline = deadlineOf(campaign, unit.code);
        long days = DeadlinePolicy.daysLeft(clock.instant(), unitDeadline);
        notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                "距报送截止还有 " + days + " 天",
                "请在 " + Times.text(unitDeadline) + "前汇总各县（市、区）及本级牵头编写的调研报告，报送省科学技术信息研究所。"));
        UnitSnapshot snapshot = snapshot(campaign, unit);
        CityPackage pkg = pkg(campaign.id, unit.code);
        Instant countyDeadline = pkg.internalDeadline != null ? pkg.internalDeadline : unitDeadline;
        for (Region county : snapshot.counties()) {
            if (snapshot.unfinished(county.code)) {
                notifier.toRegion(county.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                        "调研报告尚未完成",
                        "请在 " + Times.text(countyDeadline) + "前完成并提交本县（市、区）的调研报告。"));
            }
        }
    }

    /** Called by the deadline timer while the package is still unsent. */
    @Transactional
    @Audited("package.markOverdue")
    public void markOverdue(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = Region.byCode(unitCode).orElseThrow();
        if (pkg(campaign.id, unit.code).markOverdue(clock.instant())) {
            notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.OVERDUE,
                    unit.name + "未按期报送", unit.name + "在截止时间前未报送调研报告，已标记为逾期。"));
            notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.OVERDUE,
                    "已超过报送截止时间", "报送截止时间已过，材料仍可报送，将被标记为逾期。"));
        }
    }

    /** What a unit's documents show: the reports of its last sending, or, before it sends, those it would send. */
    public record PackageContents(Campaign campaign, Region unit, PackageRound lastRound, List<Report> reports) {
    }

    @Transactional
    public PackageContents contents(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        Optional<PackageRound> last = pkg(campaign.id, unit.code).lastRound();
        List<Report> reports = last.isPresent()
                ? last.get().reportIds.stream().map(id -> Report.<Report>findById(id)).toList()
                : snapshot(campaign, unit).contents();
        return new PackageContents(campaign, unit, last.orElse(null), reports);
    }

    /** One report of a unit's last sending: which unit sent it, and its id (loaded by the caller, one at a time). */
    public record SentReport(Region unit, Long reportId) {
    }

    /**
     * The reports of every package sent so far (last sending of each unit, withdrawn sendings left out), in the
     * units' code order, for the institute's compilation: ids only, so the caller holds one report's text at a time.
     * 403 for anyone but the institute and the province's administrators.
     */
    @Transactional
    public List<SentReport> sentReports(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.seesEverything()) {
            throw ApiException.forbidden("汇编仅供省科学技术信息研究所和省科技厅使用");
        }
        return CityPackage.of(campaign.id).stream()
                .sorted(java.util.Comparator.comparing(pkg -> pkg.unitCode))
                .flatMap(pkg -> pkg.lastRound().filter(r -> r.decision != PackageRound.Decision.WITHDRAWN).stream()
                        .flatMap(round -> round.reportIds.stream()
                                .map(id -> new SentReport(Region.byCode(pkg.unitCode).orElseThrow(), id))))
                .toList();
    }

    /**
     * The institute's deadline board: every unit, its counties' progress, its package, days left or late. Read in a
     * fixed number of queries whatever the campaign's size ({@link BoardFacts}): no query per unit, no report text.
     */
    @Transactional
    public PackageViews.Board board(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.seesEverything()) {
            throw ApiException.forbidden("进度看板仅供省科学技术信息研究所和省科技厅使用");
        }
        ReadOnlyPersistence.forThisTransaction();
        Instant now = clock.instant();
        BoardFacts.Facts facts = boardFacts.of(campaign);
        List<PackageViews.BoardRow> rows = new ArrayList<>();
        for (Region unit : Region.reviewUnits()) {
            rows.add(boardRow(campaign, unit, now, facts));
        }
        boolean ended = !campaignProcess.isOpen(campaign);
        return new PackageViews.Board(campaign.id, campaign.year, Times.beijing(campaign.deadline),
                Times.text(campaign.deadline), Times.beijing(now),
                DeadlinePolicy.daysLeft(now, campaign.deadline), ended,
                rows.stream().filter(r -> r.stage().equals(PackageStage.ACCEPTED.name())).count(),
                rows.stream().filter(r -> r.sentAt() != null).count(),
                rows.stream().filter(PackageViews.BoardRow::overdue).count(), rows);
    }

    private PackageViews.BoardRow boardRow(Campaign campaign, Region unit, Instant now, BoardFacts.Facts facts) {
        List<Region> counties = facts.countiesByUnit().getOrDefault(unit.code, List.of());
        List<BoardFacts.ReportFact> reports = facts.reportsByUnit().getOrDefault(unit.code, List.of());
        BoardFacts.PackageFact pf = facts.packagesByUnit().get(unit.code);
        if (pf == null) {
            throw new IllegalStateException("No package record for unit " + unit.code + " in campaign " + campaign.id);
        }
        CityPackage pkg = pf.pkg();
        BoardFacts.RoundFact last = pf.lastRound();
        PackageStage stage;
        Instant deadline;
        if (pkg.processInstanceId == null) {
            // A package recorded before its process id was kept: the per-unit reading finds the process by its variables.
            stage = stage(campaign.id, unit.code, pkg.lastRound());
            deadline = deadlineOf(campaign, unit.code);
        } else {
            stage = pf.openTask() == null ? PackageStage.ACCEPTED
                    : Workflow.Task.INSTITUTE_REVIEW.equals(pf.openTask()) ? PackageStage.SENT
                    : last != null && last.decision() == PackageRound.Decision.RETURNED ? PackageStage.RETURNED
                    : PackageStage.PREPARING;
            deadline = pf.deadline() != null ? pf.deadline()
                    : pf.processRunning() ? campaign.deadline : deadlineOf(campaign, unit.code);
        }
        Instant sentAt = (stage == PackageStage.SENT || stage == PackageStage.ACCEPTED) && last != null ? last.sentAt() : null;
        Instant reference = sentAt != null ? sentAt : now;

        Map<Long, ReportStage> stageById = reports.stream()
                .collect(Collectors.toMap(BoardFacts.ReportFact::id, BoardFacts.ReportFact::stage));
        Map<String, List<BoardFacts.ReportFact>> byCounty = reports.stream()
                .filter(r -> r.kind() == Report.Kind.COUNTY)
                .collect(Collectors.groupingBy(BoardFacts.ReportFact::authorRegion));
        java.util.function.Predicate<BoardFacts.ReportFact> covered = r -> r.stage() == ReportStage.APPROVED
                || (r.stage() == ReportStage.MERGED && r.mergedInto() != null && stageById.get(r.mergedInto()) == ReportStage.APPROVED);
        long declared = counties.stream().filter(c -> byCounty.containsKey(c.code)).count();
        long coveredCounties = counties.stream()
                .filter(c -> byCounty.getOrDefault(c.code, List.of()).stream().anyMatch(covered)).count();
        Map<ReportStage, Long> countyStages = reports.stream().filter(r -> r.kind() == Report.Kind.COUNTY)
                .collect(Collectors.groupingBy(BoardFacts.ReportFact::stage, Collectors.counting()));
        long cityReports = reports.stream()
                .filter(r -> r.kind().cityWritten() && r.stage() != ReportStage.WITHDRAWN).count();
        return new PackageViews.BoardRow(unit.code, unit.name, counties.size(), declared, coveredCounties,
                countyStages.getOrDefault(ReportStage.DRAFTING, 0L) + countyStages.getOrDefault(ReportStage.RETURNED, 0L),
                countyStages.getOrDefault(ReportStage.UNDER_REVIEW, 0L), countyStages.getOrDefault(ReportStage.APPROVED, 0L),
                countyStages.getOrDefault(ReportStage.MERGED, 0L), cityReports, stage.name(), stage.label(),
                Times.beijing(sentAt), sentAt == null ? null : last.onTime(),
                Math.max(0, DeadlinePolicy.daysLeft(now, deadline)),
                DeadlinePolicy.daysLate(reference, deadline),
                pkg.overdueMarkedAt != null || reference.isAfter(deadline),
                pf.rounds().size(), Times.beijing(deadline), !deadline.equals(campaign.deadline));
    }

    private PackageViews.Package view(Campaign campaign, Region unit, UnitSnapshot snapshot) {
        CityPackage pkg = pkg(campaign.id, unit.code);
        Optional<PackageRound> last = pkg.lastRound();
        PackageStage stage = stage(campaign.id, unit.code, last);
        Instant now = clock.instant();
        Instant deadline = deadlineOf(campaign, unit.code);
        List<String> missing = snapshot.missing();
        boolean sendable = stage == PackageStage.PREPARING || stage == PackageStage.RETURNED;
        List<PackageViews.Item> contents = snapshot.contents().stream()
                .map(r -> new PackageViews.Item(r.id, r.authorRegion, regionName(r.authorRegion), r.kind.name(), r.chainName,
                        r.title(regionName(r.authorRegion))))
                .toList();
        List<PackageViews.Round> rounds = pkg.rounds().stream()
                .map(r -> new PackageViews.Round(r.number, Times.beijing(r.sentAt), r.sentBy, r.onTime,
                        r.decision == null ? null : r.decision.name(), Times.beijing(r.decidedAt), r.decidedBy, r.comment,
                        List.copyOf(r.reportIds)))
                .toList();
        boolean overdue = pkg.overdueMarkedAt != null || (sendable && now.isAfter(deadline));
        return new PackageViews.Package(campaign.id, unit.code, unit.name, stage.name(), stage.label(),
                Times.beijing(deadline), Times.beijing(pkg.internalDeadline),
                DeadlinePolicy.daysLeft(now, deadline), overdue, Times.beijing(pkg.overdueMarkedAt),
                sendable && missing.isEmpty(), missing, contents, rounds,
                unitProcess.pendingTimers(campaign.id, unit.code).stream().map(Times::beijing).toList());
    }

    private PackageStage stage(Long campaignId, String unitCode, Optional<PackageRound> last) {
        Optional<OpenTask> task = unitProcess.activeTask(campaignId, unitCode);
        if (task.isEmpty()) {
            return PackageStage.ACCEPTED;
        }
        if (task.get().is(Workflow.Task.INSTITUTE_REVIEW)) {
            return PackageStage.SENT;
        }
        return last.filter(r -> r.decision == PackageRound.Decision.RETURNED).isPresent()
                ? PackageStage.RETURNED : PackageStage.PREPARING;
    }

    UnitSnapshot snapshot(Campaign campaign, Region unit) {
        List<Region> counties = Region.draftingCountiesOf(unit.code);
        Set<String> codes = counties.stream().map(r -> r.code).collect(Collectors.toSet());
        List<Report> reports = Report.list("campaignId = ?1 and reviewUnit = ?2 order by id", campaign.id, unit.code);
        Map<Long, ReportStage> stages = reportProcess.stagesOf(reports);
        List<PilotChain> pilots = PilotChain.of(campaign.id).stream().filter(p -> codes.contains(p.countyCode)).toList();
        return new UnitSnapshot(unit, counties, reports, stages, pilots);
    }

    /** Creates the unit's package record when its process starts (in the campaign-opening transaction). */
    @Transactional
    public void ensurePackage(Long campaignId, String unitCode, String processInstanceId) {
        CityPackage pkg = CityPackage.of(campaignId, unitCode).orElseGet(() -> {
            CityPackage created = new CityPackage(campaignId, unitCode);
            created.persist();
            return created;
        });
        pkg.processInstanceId = processInstanceId;
    }

    /**
     * Serialises everything that changes one unit's package (send, decide, merges): concurrent callers, on
     * one node or several, queue on the package row instead of racing in the engine.
     */
    public void lockPackage(Long campaignId, String unitCode) {
        CityPackage.getEntityManager().lock(pkg(campaignId, unitCode), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    private static CityPackage pkg(Long campaignId, String unitCode) {
        return CityPackage.of(campaignId, unitCode).orElseThrow();
    }

    private static String regionName(String code) {
        return Region.nameOf(code);
    }
}
