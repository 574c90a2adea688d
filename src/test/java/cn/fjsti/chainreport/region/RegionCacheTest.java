package cn.fjsti.chainreport.region;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import cn.fjsti.chainreport.support.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

/** Regions are reference data: each node keeps those it has read, and the service cannot change one. */
@QuarkusTest
class RegionCacheTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void shouldKeepTheRegionOfAnAccountThatMadeARequest() {
        factory.getCache().evict(Region.class);
        assertThat(factory.getCache().contains(Region.class, "350205")).isFalse();

        // The login cookie's identity names the account's region; the page header shows it.
        as(Accounts.HAICANG).get("/api/session").then().statusCode(200).body("regionName", equalTo("海沧区"));

        assertThat(factory.getCache().contains(Region.class, "350205")).isTrue();
        assertThat(factory.getCache().contains(Region.class, "350922")).as("a region nobody asked for").isFalse();
    }

    @Test
    void shouldRefuseToChangeARegionAndKeepItsRow() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Region region = Region.<Region>findById("350206");
            region.name = "改名";
        })).hasRootCauseInstanceOf(UnsupportedOperationException.class);

        factory.getCache().evict(Region.class);
        String stored = QuarkusTransaction.requiringNew().call(() -> Region.<Region>findById("350206").name);
        assertThat(stored).isEqualTo("湖里区");
        as(Accounts.HAICANG).get("/api/regions").then().statusCode(200)
                .body("find { it.code == '350206' }.name", equalTo("湖里区"));
    }
}
