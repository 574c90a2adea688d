package cn.fjsti.chainreport.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionReferenceDataTest {

    private final List<Region> regions = RegionLoader.parse("reference/fujian-regions.csv");

    @Test
    void shouldHave83DraftingCounties() {
        assertThat(regions.stream().filter(Region::isDraftingCounty)).hasSize(83);
    }

    @Test
    void shouldHaveTenReviewUnits() {
        Set<String> reviewUnits = regions.stream()
                .filter(r -> r.level.isCountyLevel())
                .map(r -> r.reviewUnit)
                .collect(Collectors.toSet());
        assertThat(reviewUnits).hasSize(10).contains("PTZ", "350100", "350900");
    }

    @Test
    void shouldListJinmenButNotAskItToDraft() {
        Region jinmen = regions.stream().filter(r -> r.code.equals("350527")).findFirst().orElseThrow();
        assertThat(jinmen.isDraftingCounty()).isFalse();
    }

    @Test
    void shouldHavePingtanReviewedByTheZone() {
        Map<String, Region> byCode = regions.stream().collect(Collectors.toMap(r -> r.code, r -> r));
        assertThat(byCode.get("350128").reviewUnit).isEqualTo("PTZ");
        assertThat(byCode.get("350128").gbParent).isEqualTo("350100");
        assertThat(byCode.get("PTZ").level).isEqualTo(RegionLevel.ZONE);
    }
}
