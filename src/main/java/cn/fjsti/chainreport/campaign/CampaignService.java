package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens yearly campaigns and answers questions about them. */
@ApplicationScoped
public class CampaignService {

    @Inject
    CampaignProcess process;

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    Clock clock;

    /** Opens the campaign and starts its process, which hands every drafting county its survey task. */
    @Transactional
    @Audited("campaign.open")
    public CampaignView open(CampaignRequests.Open request) {
        Instant now = clock.instant();
        Instant deadline = request.deadline() == null
                ? Campaign.defaultDeadline(request.year())
                : request.deadline().toInstant();
        String unsettable = cn.fjsti.chainreport.rules.DeadlinePolicy.unsettable(deadline, now, request.year());
        if (unsettable != null) {
            throw ApiException.badField("deadline", unsettable);
        }
        Map<String, List<String>> pilots = validatePilots(request.pilots() == null ? List.of() : request.pilots());
        if (Campaign.byYear(request.year()).isPresent()) {
            throw ApiException.conflict(request.year() + " 年度的调研工作已经启动，不能重复启动");
        }
        String typed = FreeText.CAMPAIGN_TITLE.cleanAt("title", request.title());
        String title = typed == null ? Campaign.defaultTitle(request.year()) : typed;
        Campaign campaign = new Campaign(request.year(), title, deadline, now, user.username());
        campaign.persistAndFlush();
        Campaign.getEntityManager().createNativeQuery("insert into campaign_part_lock (campaign_id) values (?1)")
                .setParameter(1, campaign.id).executeUpdate();
        pilots.forEach((county, chains) -> chains.forEach(chain ->
                new PilotChain(campaign.id, county, chain, ChainNames.key(chain)).persist()));

        process.start(campaign);
        return view(campaign);
    }

    public List<CampaignView> list() {
        return Campaign.<Campaign>list("order by year desc").stream().map(this::view).toList();
    }

    public CampaignView get(Long id) {
        return view(require(id));
    }

    /**
     * Queues the caller behind anyone else finishing a county's or unit's part of this campaign, until the
     * transaction ends. The last part to end tells the campaign (CampaignPartEndedDelegate); it can only know
     * it is the last if the parts end one after the other: two ending side by side would each still see the
     * other running, and the campaign would never hear. The lock is the campaign's row in
     * {@code campaign_part_lock} (V26), which no other row refers to, so it may be taken anywhere in the
     * transaction: take it just before the engine step that ends the part, so that only that step and the commit
     * run one at a time. (It was the campaign row until V26; on PostgreSQL a report's foreign key holds a
     * key-share lock on that row, so it had to be locked before anything was written, and whole declarations
     * queued: docs/benchmarks.md, "Issue 23, item 4".) CampaignPartEndedDelegate takes it itself; a county's
     * survey runs that step as a job after the declaration has committed, so a declaration no longer waits here
     * at all; an acceptance takes it first, before the package's row.
     *
     * @throws IllegalStateException if the campaign has no lock row (a database not migrated to V26)
     */
    public static void lockForCompletion(Campaign campaign) {
        List<?> locked = Campaign.getEntityManager()
                .createNativeQuery("select campaign_id from campaign_part_lock where campaign_id = ?1 for update")
                .setParameter(1, campaign.id).getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("Campaign " + campaign.id + " has no row in campaign_part_lock");
        }
    }

    public static Campaign require(Long id) {
        return Campaign.<Campaign>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + id + " 的调研工作"));
    }

    /** Pilot designations are shown only to those who may see the county's data. */
    CampaignView view(Campaign campaign) {
        Map<String, List<String>> chainsByCounty = new LinkedHashMap<>();
        for (PilotChain pilot : PilotChain.of(campaign.id)) {
            if (access.canRead(pilot.countyCode)) {
                chainsByCounty.computeIfAbsent(pilot.countyCode, c -> new ArrayList<>()).add(pilot.chainName);
            }
        }
        List<CampaignView.PilotView> pilots = chainsByCounty.entrySet().stream()
                .map(e -> new CampaignView.PilotView(e.getKey(),
                        Region.nameOf(e.getKey()), e.getValue()))
                .toList();
        return CampaignView.of(campaign, pilots);
    }

    private static Map<String, List<String>> validatePilots(List<CampaignRequests.Pilot> pilots) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < pilots.size(); i++) {
            CampaignRequests.Pilot pilot = pilots.get(i);
            String field = "pilots[" + i + "]";
            Region county = Region.byCode(pilot.countyCode()).orElse(null);
            if (county == null) {
                errors.add(new FieldError(field + ".countyCode", "没有代码为 " + pilot.countyCode() + " 的地区"));
                continue;
            }
            if (!county.isDraftingCounty()) {
                errors.add(new FieldError(field + ".countyCode", county.name + " 不是须编写报告的县（市、区）"));
                continue;
            }
            if (result.containsKey(county.code)) {
                errors.add(new FieldError(field + ".countyCode", county.name + " 重复列出"));
                continue;
            }
            Set<String> keys = new HashSet<>();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < pilot.chains().size(); j++) {
                String name;
                try {
                    name = ChainNames.accept(field + ".chains[" + j + "]", pilot.chains().get(j));
                } catch (ApiException refused) {
                    errors.addAll(refused.fields());
                    continue;
                }
                if (!keys.add(ChainNames.key(name))) {
                    errors.add(new FieldError(field + ".chains[" + j + "]", "与前面的产业链重复"));
                } else {
                    names.add(name);
                }
            }
            result.put(county.code, names);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.get(0).message(), errors);
        }
        return result;
    }
}
