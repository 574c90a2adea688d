package cn.fjsti.chainreport.consolidation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A city's merge of several county reports on one chain into a consolidated report; undoable until sent. */
@Entity
@Table(name = "merge_group")
public class MergeGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "chain_name")
    public String chainName;

    @Column(name = "consolidated_report_id")
    public Long consolidatedReportId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "undone_by")
    public String undoneBy;

    @ElementCollection
    @CollectionTable(name = "merge_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "report_id")
    public List<Long> memberReportIds = new ArrayList<>();

    protected MergeGroup() {
    }

    MergeGroup(Long campaignId, String unitCode, String chainName, List<Long> members, String actor, Instant now) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.chainName = chainName;
        this.memberReportIds.addAll(members);
        this.createdBy = actor;
        this.createdAt = now;
    }

    public boolean active() {
        return undoneAt == null;
    }

    void undo(String actor, Instant now) {
        undoneAt = now;
        undoneBy = actor;
    }

    static List<MergeGroup> of(Long campaignId, String unitCode) {
        return list("campaignId = ?1 and unitCode = ?2 order by id", campaignId, unitCode);
    }
}
