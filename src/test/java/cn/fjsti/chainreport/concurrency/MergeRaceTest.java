package cn.fjsti.chainreport.concurrency;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two undos and a re-merge of the same group at once, round after round: a county report belongs to at most one
 * active merge, there is one live consolidated report per active merge, and each loser gets a 409.
 */
@QuarkusTest
class MergeRaceTest {

    private static final int ROUNDS = 6;

    @Inject
    EntityManager em;

    private record Outcome(String kind, int status, String contentType, Long group) {
    }

    @Test
    void shouldKeepEachCountyReportInAtMostOneActiveMerge() throws Exception {
        long campaign = Fixtures.openCampaign();
        long haicang = approved(Accounts.HAICANG, campaign);
        long xiangan = approved(Accounts.XIANGAN, campaign);
        long huli = approved(Accounts.HULI, campaign);
        String merges = "/api/campaigns/" + campaign + "/merges";
        long group = merge(merges, List.of(haicang, xiangan)).then().statusCode(201).extract().<Number>path("id").longValue();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long undone = group;
                // Alternate the re-merge between the same pair and a group that shares one report with it.
                List<Long> again = round % 2 == 0 ? List.of(haicang, xiangan) : List.of(haicang, huli);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    futures.add(pool.submit(call(start, () -> {
                        Response r = as(Accounts.XIAMEN).post(merges + "/" + undone + "/undo");
                        return new Outcome("undo", r.statusCode(), r.contentType(), null);
                    })));
                }
                futures.add(pool.submit(call(start, () -> {
                    Response r = merge(merges, again);
                    Number id = r.statusCode() == 201 ? r.path("id") : null;
                    return new Outcome("merge", r.statusCode(), r.contentType(), id == null ? null : id.longValue());
                })));
                start.countDown();
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> f : futures) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round %d", round).allMatch(o -> o.status() == 200 || o.status() == 201 || o.status() == 409);
                assertThat(outcomes).as("round %d: losers get problem+json", round)
                        .filteredOn(o -> o.status() == 409).allMatch(o -> o.contentType().startsWith("application/problem+json"));
                assertThat(outcomes).as("round %d: exactly one undo wins", round)
                        .filteredOn(o -> o.kind().equals("undo") && o.status() == 200).hasSize(1);
                assertInvariant(campaign, merges);

                Outcome remerge = outcomes.get(2);
                group = remerge.group() != null ? remerge.group()
                        : merge(merges, again).then().statusCode(201).extract().<Number>path("id").longValue();
                assertInvariant(campaign, merges);
            }
        } finally {
            pool.shutdown();
        }
    }

    private void assertInvariant(long campaign, String merges) {
        List<Map<String, Object>> views = as(Accounts.XIAMEN).get(merges).then().statusCode(200).extract().path("");
        Map<Integer, Integer> activeMergesOf = new HashMap<>();
        int active = 0;
        for (Map<String, Object> view : views) {
            if (Boolean.TRUE.equals(view.get("active"))) {
                active++;
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> members = (List<Map<String, Object>>) view.get("members");
                members.forEach(m -> activeMergesOf.merge((Integer) m.get("reportId"), 1, Integer::sum));
            }
        }
        assertThat(activeMergesOf).as("active merges per county report").allSatisfy((report, count) -> assertThat(count).isEqualTo(1));
        int activeMerges = active;
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(((Number) em.createNativeQuery("select count(*) from (select m.report_id from merge_member m "
                    + "join merge_group g on g.id = m.group_id where g.undone_at is null and g.campaign_id = ?1 "
                    + "group by m.report_id having count(*) > 1) twice").setParameter(1, campaign).getSingleResult()).longValue())
                    .as("county reports in two active merges").isZero();
            assertThat(((Number) em.createNativeQuery("select count(*) from report where campaign_id = ?1 and kind = 'MERGED' "
                    + "and withdrawn_at is null").setParameter(1, campaign).getSingleResult()).intValue())
                    .as("live consolidated reports").isEqualTo(activeMerges);
            assertThat(((Number) em.createNativeQuery("select count(*) from report r where r.campaign_id = ?1 and r.merged_into is not null "
                    + "and not exists (select 1 from merge_active_member a join merge_group g on g.id = a.group_id "
                    + "where a.report_id = r.id and g.consolidated_report_id = r.merged_into and g.undone_at is null)")
                    .setParameter(1, campaign).getSingleResult()).longValue())
                    .as("county reports linked to a report that is not their active merge's").isZero();
        });
    }

    private static Response merge(String merges, List<Long> reports) {
        return as(Accounts.XIAMEN).body(Map.of("reportIds", reports)).post(merges);
    }

    private static long approved(String county, long campaign) {
        long id = Fixtures.declare(county, campaign, "新材料产业链").get("新材料产业链");
        Fixtures.fillAndSubmit(county, id);
        Fixtures.approve(Accounts.XIAMEN, id);
        return id;
    }

    private static Callable<Outcome> call(CountDownLatch start, Callable<Outcome> action) {
        return () -> {
            start.await();
            return action.call();
        };
    }
}
