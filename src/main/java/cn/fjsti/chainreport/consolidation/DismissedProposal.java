package cn.fjsti.chainreport.consolidation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/** A proposed group the city said is not one chain: not proposed again (for exactly these reports). */
@Entity
@Table(name = "dismissed_proposal")
public class DismissedProposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "unit_code")
    public String unitCode;

    /** The sorted report ids, comma-separated: the identity of the proposal. */
    @Column(name = "report_ids")
    public String reportIds;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    protected DismissedProposal() {
    }

    DismissedProposal(Long campaignId, String unitCode, Collection<Long> reportIds, String actor, Instant now) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.reportIds = signature(reportIds);
        this.createdBy = actor;
        this.createdAt = now;
    }

    static String signature(Collection<Long> reportIds) {
        return reportIds.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }
}
