package cn.fjsti.chainreport.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The package a city-level unit sends for a campaign. Its flow is the unit's Process_UnitPackage; the
 * entity records the facts: each sending ({@link PackageRound}), when the unit was marked overdue, and the
 * unit's own deadline for its counties.
 */
@Entity
@Table(name = "city_package")
public class CityPackage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "unit_code")
    public String unitCode;

    /** Optional deadline the unit sets for its counties, before the campaign's. */
    @Column(name = "internal_deadline")
    public Instant internalDeadline;

    @Column(name = "overdue_marked_at")
    public Instant overdueMarkedAt;

    /** The unit's Process_UnitPackage instance (null on packages created before V4; then found by its variables). */
    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Version
    public long version;

    protected CityPackage() {
    }

    public CityPackage(Long campaignId, String unitCode) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
    }

    /** Records that the deadline passed before the package was sent; true the first time only. */
    public boolean markOverdue(Instant now) {
        if (overdueMarkedAt != null) {
            return false;
        }
        overdueMarkedAt = now;
        return true;
    }

    public List<PackageRound> rounds() {
        return PackageRound.list("packageId = ?1 order by number", id);
    }

    public Optional<PackageRound> lastRound() {
        return PackageRound.<PackageRound>find("packageId = ?1 order by number desc", id).firstResultOptional();
    }

    public static Optional<CityPackage> of(Long campaignId, String unitCode) {
        return find("campaignId = ?1 and unitCode = ?2", campaignId, unitCode).firstResultOptional();
    }

    public static List<CityPackage> of(Long campaignId) {
        return list("campaignId = ?1 order by unitCode", campaignId);
    }
}
