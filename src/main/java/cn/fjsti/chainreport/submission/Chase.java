package cn.fjsti.chainreport.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One 催办: who chased which region in which campaign, on which Beijing day, about what. */
@Entity
public class Chase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "target_region")
    public String targetRegion;

    @Column(name = "chased_on")
    public LocalDate chasedOn;

    @Column(name = "chased_at")
    public Instant chasedAt;

    @Column(name = "chased_by")
    public String chasedBy;

    public String missing;

    protected Chase() {
    }

    Chase(Long campaignId, String targetRegion, LocalDate chasedOn, Instant chasedAt, String chasedBy, String missing) {
        this.campaignId = campaignId;
        this.targetRegion = targetRegion;
        this.chasedOn = chasedOn;
        this.chasedAt = chasedAt;
        this.chasedBy = chasedBy;
        this.missing = missing;
    }

    static Optional<Chase> on(Long campaignId, String targetRegion, LocalDate day) {
        return find("campaignId = ?1 and targetRegion = ?2 and chasedOn = ?3", campaignId, targetRegion, day).firstResultOptional();
    }
}
