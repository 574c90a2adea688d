package cn.fjsti.chainreport.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * An administrative division from the reference data: the province, a city-level unit or a county.
 *
 * <p>Loaded once into an empty database ({@link RegionLoader}) and never changed by the service, so each node
 * keeps the rows it has read by code in Hibernate's second-level cache (read-only: an update through Hibernate
 * fails). Every request reads its account's region (the login cookie's identity), and pages and notices name
 * regions, so this saves a query almost everywhere. Each node's copy is its own: a region row changed by hand in
 * the database is seen by a node once its cached copy has expired (the local cache drops entries left unread for
 * a while: {@code quarkus.hibernate-orm.cache} settings) or the node restarts. Opening a campaign runs a native
 * update, after which Hibernate empties every cached region: the next reads go to the database once.
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_ONLY)
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "gb_parent")
    public String gbParent;

    /** The city-level unit that reviews this region's reports; null for the province. */
    @Column(name = "review_unit")
    public String reviewUnit;

    /** Whether this region is expected to draft reports. */
    public boolean drafting;

    protected Region() {
    }

    public Region(String code, String name, RegionLevel level, String gbParent, String reviewUnit, boolean drafting) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.gbParent = gbParent;
        this.reviewUnit = reviewUnit;
        this.drafting = drafting;
    }

    /** A county-level division that must survey at least one chain. */
    public boolean isDraftingCounty() {
        return drafting && level.isCountyLevel();
    }

    /** A city-level unit that reviews counties (the nine cities and 平潭综合实验区). */
    public boolean isReviewUnit() {
        // The cities name the province as theirs (their own reports go to the institute): the province is no unit.
        return level != RegionLevel.PROVINCE && count("reviewUnit = ?1 and code <> ?1", code) > 0;
    }

    public static Optional<Region> byCode(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }

    /** The region's name, or the code itself when it is not known. */
    public static String nameOf(String code) {
        return byCode(code).map(r -> r.name).orElse(code);
    }

    public static List<Region> draftingCounties() {
        return list("drafting = true and level in ?1 order by code", RegionLevel.countyLevels());
    }

    public static List<Region> draftingCountiesOf(String reviewUnit) {
        return list("drafting = true and level in ?1 and reviewUnit = ?2 order by code", RegionLevel.countyLevels(), reviewUnit);
    }

    public static List<Region> reviewUnits() {
        return list("code in (select r.reviewUnit from Region r where r.reviewUnit <> r.code"
                + " and r.level in ?1) order by code", RegionLevel.countyLevels());
    }
}
