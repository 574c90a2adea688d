package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.RetryOnEngineConflict;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.campaign.PilotChain;
import cn.fjsti.chainreport.rules.PilotCountyChains;
import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.workflow.OpenTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A county's chains for a campaign. Declaring chains creates one report (and its process) per chain and
 * completes the county's "确定本县重点产业链" task. Rules of the notice: at least one chain
 * ({@link cn.fjsti.chainreport.rules.OneChainPerCounty}, at the door); a pilot county covers every chain
 * designated for it ({@link PilotCountyChains}).
 */
@ApplicationScoped
public class ChainDeclarationService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess process;

    @Inject
    CountySurveyProcess survey;

    @Inject
    Clock clock;

    /** A region's chains in a campaign: declared ones (with their reports) and those designated for a pilot county. */
    public record RegionChains(String regionCode, String regionName, boolean pilot, List<String> designatedChains,
                               List<DeclaredChain> declaredChains, List<String> missingDesignatedChains) {
    }

    /** A declared chain and its report. */
    public record DeclaredChain(String chain, Long reportId) {
    }

    @Transactional
    @RetryOnEngineConflict
    @Audited("chains.declare")
    public RegionChains declare(Long campaignId, ReportRequests.DeclareChains request) {
        Campaign campaign = CampaignService.require(campaignId);
        Region county = Region.byCode(user.regionCode()).filter(Region::isDraftingCounty)
                .orElseThrow(() -> ApiException.forbidden("只有须编写报告的县（市、区）可以申报产业链"));
        // Two declarations of one county (two tabs, two clerks) queue on the county's row, before anything is read:
        // the second sees the first one's reports, so it only adds its chains and does not complete the county's
        // declaration task again. Other counties do not wait (nothing else locks a region row for update).
        Region.getEntityManager().createNativeQuery("select code from region where code = ?1 for update")
                .setParameter(1, county.code).getResultList();
        // The first declaration ends the county's part of the campaign (later ones only add reports, so a county
        // with reports has no declaration task left).
        List<Report> existing = Report.ofCampaignAndRegion(campaign.id, county.code);
        OpenTask declaration = existing.isEmpty() ? survey.declarationTask(campaign.id, county.code).orElse(null) : null;
        Set<String> keys = existing.stream().map(r -> r.chainKey).collect(Collectors.toSet());

        List<FieldError> errors = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        for (int i = 0; i < request.chains().size(); i++) {
            String name = ChainNames.accept("chains[" + i + "]", request.chains().get(i));
            String key = ChainNames.key(name);
            if (!keys.add(key)) {
                errors.add(new FieldError("chains[" + i + "]", "“" + name + "”已申报或与前面的产业链重复"));
            } else {
                added.put(key, name);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(409, "产业链重复", errors.get(0).message(), errors, Map.of());
        }
        List<PilotChain> pilots = PilotChain.of(campaign.id, county.code);
        List<String> missing = missingDesignated(pilots, keys);
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable(PilotCountyChains.declarationMissing(county.name, missing),
                    missing.stream().map(m -> new FieldError("chains", "缺少指定产业链：" + m)).toList());
        }

        Instant now = clock.instant();
        List<Report> reports = new ArrayList<>(existing);
        for (Map.Entry<String, String> chain : added.entrySet()) {
            Report report = new Report(campaign.id, county.code, county.reviewUnit, Report.Kind.COUNTY, chain.getValue(),
                    chain.getKey(), user.username(), now);
            report.persistAndFlush();
            process.start(report, campaign.deadline);
            reports.add(report);
        }
        if (declaration != null) {
            // Ends the county's declaration; the survey's last step ("is this the campaign's last county?") waits as
            // a job and runs after this commits, queued on the campaign (CampaignPartEndedDelegate), so declarations
            // of different counties do not queue behind each other (issue 23, item 4).
            survey.completeDeclaration(declaration, user.username());
        }
        // What the county now has: read above and made here, in the order a later read gives (by id).
        return chainsOf(county, reports, pilots);
    }

    /** A city-level unit writes a report of its own (牵头编写) on a chain, in the same outline and flow. */
    @Transactional
    @Audited("report.createCityLed")
    public ReportViews.Detail declareCityLed(Long campaignId, String chain) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = Region.byCode(user.regionCode()).filter(Region::isReviewUnit)
                .orElseThrow(() -> ApiException.forbidden("只有设区市（审核单位）可以牵头编写报告"));
        String name = ChainNames.accept("chain", chain);
        String key = ChainNames.key(name);
        if (Report.count("campaignId = ?1 and authorRegion = ?2 and chainKey = ?3", campaign.id, unit.code, key) > 0) {
            throw new ApiException(409, "产业链重复", "本单位已牵头编写“" + name + "”的报告", 
                    List.of(new FieldError("chain", "已存在")), Map.of());
        }
        Report report = new Report(campaign.id, unit.code, unit.code, Report.Kind.CITY_LED, name, key, user.username(),
                clock.instant());
        report.persistAndFlush();
        process.start(report, campaign.deadline);
        return ReportViews.detail(report, ReportStage.DRAFTING);
    }

    /** Every region the caller may see that has chains or must declare them. */
    @Transactional
    public List<RegionChains> list(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        return Region.draftingCounties().stream()
                .filter(r -> access.canRead(r.code))
                .map(r -> chainsOf(campaign.id, r))
                .toList();
    }

    private RegionChains chainsOf(Long campaignId, Region county) {
        return chainsOf(county, Report.ofCampaignAndRegion(campaignId, county.code), PilotChain.of(campaignId, county.code));
    }

    private static RegionChains chainsOf(Region county, List<Report> reports, List<PilotChain> pilots) {
        Set<String> keys = reports.stream().map(r -> r.chainKey).collect(Collectors.toSet());
        return new RegionChains(county.code, county.name, !pilots.isEmpty(),
                pilots.stream().map(p -> p.chainName).toList(),
                reports.stream().map(r -> new DeclaredChain(r.chainName, r.id)).toList(),
                missingDesignated(pilots, keys));
    }

    private static List<String> missingDesignated(List<PilotChain> pilots, Set<String> declaredKeys) {
        Map<String, String> designated = new HashMap<>();
        pilots.forEach(p -> designated.put(p.chainKey, p.chainName));
        return PilotCountyChains.missing(designated, declaredKeys);
    }
}
